namespace Collections.Storage.Queues;

/// <summary>A peeked message: visibility is unchanged and there is no pop receipt.</summary>
public sealed class PeekedMessage
{
    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The decoded message text.</summary>
    public required string MessageText { get; init; }

    /// <summary>How many times the message has been received.</summary>
    public long DequeueCount { get; init; }

    /// <summary>When the message was enqueued.</summary>
    public DateTimeOffset? InsertedOn { get; init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpiresOn { get; init; }
}
