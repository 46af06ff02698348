namespace Collections.Storage.Blobs;

/// <summary>The state of a server-side copy.</summary>
public sealed class BlobCopyInfo
{
    /// <summary>The copy id.</summary>
    public string? CopyId { get; init; }

    /// <summary><c>success</c>, <c>pending</c>, <c>aborted</c> or <c>failed</c>.</summary>
    public string? CopyStatus { get; init; }
}
