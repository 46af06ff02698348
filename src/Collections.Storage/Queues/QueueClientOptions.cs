namespace Collections.Storage.Queues;

/// <summary>Options for <see cref="QueueServiceClient"/> and <see cref="QueueClient"/>.</summary>
public sealed class QueueClientOptions : StorageClientOptions
{
    /// <summary>Message text encoding; default <see cref="QueueMessageEncoding.Base64"/> (Functions-compatible).</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
