using Azure;

namespace Collections.Storage.Blobs;

/// <summary>A blob's system properties and metadata.</summary>
public sealed class BlobProperties
{
    /// <summary>Size in bytes.</summary>
    public long ContentLength { get; init; }

    /// <summary>The stored content type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The entity tag, quotes included.</summary>
    public ETag ETag { get; init; }

    /// <summary>Last modification time.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>User metadata (<c>x-ms-meta-*</c>), names as stored, compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>leased</c>, <c>available</c>, <c>expired</c>, <c>breaking</c> or <c>broken</c>.</summary>
    public string? LeaseState { get; init; }

    /// <summary><c>locked</c> or <c>unlocked</c>.</summary>
    public string? LeaseStatus { get; init; }

    /// <summary>The last copy's status (<c>pending</c>, <c>success</c>, <c>aborted</c>, <c>failed</c>), if the blob was a copy destination.</summary>
    public string? CopyStatus { get; init; }

    /// <summary>The last copy's id.</summary>
    public string? CopyId { get; init; }

    /// <summary><c>BlockBlob</c>, <c>AppendBlob</c> or <c>PageBlob</c>.</summary>
    public string? BlobType { get; init; }
}
