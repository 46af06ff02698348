namespace Collections.Storage.Blobs;

/// <summary>A blob being downloaded: the network stream (read it, then dispose this) and the blob's properties.</summary>
public sealed class BlobDownloadStreamingResult : IDisposable, IAsyncDisposable
{
    internal BlobDownloadStreamingResult(Stream content, BlobProperties details)
    {
        Content = content;
        Details = details;
    }

    /// <summary>The body, straight from the network (not buffered).</summary>
    public Stream Content { get; }

    /// <summary>Properties and metadata from the response headers.</summary>
    public BlobProperties Details { get; }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
