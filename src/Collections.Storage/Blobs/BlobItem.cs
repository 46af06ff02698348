using Azure;

namespace Collections.Storage.Blobs;

/// <summary>One entry of a blob listing: a blob, or (with a delimiter) a virtual directory prefix.</summary>
public sealed class BlobItem
{
    /// <summary>The blob name, or the prefix (ending in the delimiter) when <see cref="IsPrefix"/>.</summary>
    public required string Name { get; init; }

    /// <summary>True for a virtual directory (a <c>BlobPrefix</c> in the listing).</summary>
    public bool IsPrefix { get; init; }

    /// <summary>Size in bytes (0 for prefixes).</summary>
    public long ContentLength { get; init; }

    /// <summary>Content type, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>The entity tag (default for prefixes).</summary>
    public ETag ETag { get; init; }

    /// <summary>Last modification time.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Metadata, when the listing asked for it.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
