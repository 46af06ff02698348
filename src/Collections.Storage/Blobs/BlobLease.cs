using Azure;

namespace Collections.Storage.Blobs;

/// <summary>An acquired or renewed lease.</summary>
public sealed class BlobLease
{
    /// <summary>The lease id to pass in <see cref="BlobRequestConditions.LeaseId"/>.</summary>
    public required string LeaseId { get; init; }

    /// <summary>The blob's ETag.</summary>
    public ETag ETag { get; init; }

    /// <summary>The blob's modification time.</summary>
    public DateTimeOffset? LastModified { get; init; }
}
