namespace Collections.Storage.Blobs;

/// <summary>Options for <see cref="BlobClient.UploadAsync(Stream, BlobUploadOptions?, CancellationToken)"/>.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>Content type; the service defaults to <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Metadata to store; names must be C# identifiers.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Preconditions (for example <see cref="BlobRequestConditions.CreateOnly"/>) and the lease id.</summary>
    public BlobRequestConditions? Conditions { get; init; }
}
