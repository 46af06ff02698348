using Azure;

namespace Collections.Storage.Blobs;

/// <summary>The result of a write: the new ETag and modification time.</summary>
public sealed class BlobContentInfo
{
    /// <summary>The new entity tag.</summary>
    public ETag ETag { get; init; }

    /// <summary>The new modification time.</summary>
    public DateTimeOffset? LastModified { get; init; }
}
