namespace Collections.Storage.Queues;

/// <summary>A received (dequeued) message: invisible to others until its visibility timeout ends.</summary>
public sealed class QueueMessage
{
    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The receipt needed to delete or update this message; each receive or update issues a new one.</summary>
    public required string PopReceipt { get; init; }

    /// <summary>The decoded message text.</summary>
    public required string MessageText { get; init; }

    /// <summary>How many times the message has been received.</summary>
    public long DequeueCount { get; init; }

    /// <summary>When the message was enqueued.</summary>
    public DateTimeOffset? InsertedOn { get; init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>When the message becomes visible again.</summary>
    public DateTimeOffset? NextVisibleOn { get; init; }
}
