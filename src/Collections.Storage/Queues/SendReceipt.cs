namespace Collections.Storage.Queues;

/// <summary>The service's answer to a send.</summary>
public sealed class SendReceipt
{
    /// <summary>The new message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>A pop receipt that can delete or update the message before anyone receives it.</summary>
    public required string PopReceipt { get; init; }

    /// <summary>When the message was enqueued.</summary>
    public DateTimeOffset? InsertedOn { get; init; }

    /// <summary>When it expires (31 Dec 9999 for never).</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>When it first becomes visible.</summary>
    public DateTimeOffset? NextVisibleOn { get; init; }
}
