namespace Collections.Storage.Queues;

/// <summary>The result of an update: the old pop receipt no longer works.</summary>
public sealed class UpdateReceipt
{
    /// <summary>The new pop receipt.</summary>
    public required string PopReceipt { get; init; }

    /// <summary>When the message becomes visible.</summary>
    public DateTimeOffset? NextVisibleOn { get; init; }
}
