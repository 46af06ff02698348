namespace Collections.Storage.Blobs;

/// <summary>Options for <see cref="BlobServiceClient"/>, <see cref="BlobContainerClient"/> and <see cref="BlobClient"/>.</summary>
public sealed class BlobClientOptions : StorageClientOptions
{
    private int _blockSize = 4 * 1024 * 1024;
    private int _singleUploadThreshold = 8 * 1024 * 1024;

    /// <summary>Block size for Put Block uploads (1 byte to 100 MiB; blocks are buffered in memory). Default 4 MiB.</summary>
    public int BlockSize
    {
        get => _blockSize;
        set => _blockSize = value is > 0 and <= 100 * 1024 * 1024 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "BlockSize must be between 1 byte and 100 MiB.");
    }

    /// <summary>Streams up to this many bytes go up in one Put Blob; longer ones use Put Block + Put Block List. Default 8 MiB.</summary>
    public int SingleUploadThreshold
    {
        get => _singleUploadThreshold;
        set => _singleUploadThreshold = value is > 0 and <= 256 * 1024 * 1024 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "SingleUploadThreshold must be between 1 byte and 256 MiB.");
    }

    /// <summary>How often a pending server-side copy is polled. Default 1 second.</summary>
    public TimeSpan CopyPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
