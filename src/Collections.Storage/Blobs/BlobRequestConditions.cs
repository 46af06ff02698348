using Azure;

namespace Collections.Storage.Blobs;

/// <summary>Conditions on a blob request: ETag preconditions and the lease id of a leased blob.</summary>
public sealed class BlobRequestConditions
{
    /// <summary>Only if the blob's ETag matches (<see cref="ETag.All"/>: only if it exists).</summary>
    public ETag? IfMatch { get; init; }

    /// <summary>Only if the blob's ETag does not match (<see cref="ETag.All"/>: only if it does not exist: create-only).</summary>
    public ETag? IfNoneMatch { get; init; }

    /// <summary>The active lease id, required to write or delete a leased blob.</summary>
    public string? LeaseId { get; init; }

    /// <summary>Create-only: fails with 409 <c>BlobAlreadyExists</c> if the blob exists.</summary>
    public static BlobRequestConditions CreateOnly { get; } = new() { IfNoneMatch = ETag.All };
}
