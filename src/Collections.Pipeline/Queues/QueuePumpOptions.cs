using System.ComponentModel.DataAnnotations;

namespace Collections.Pipeline.Queues;

/// <summary>How a queue is consumed: the Functions queue trigger's settings, mirrored locally.</summary>
public sealed class QueuePumpOptions
{
    /// <summary>Messages fetched at once (the trigger's default is 16; at most 32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a failed message stays invisible before it is delivered again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries before a message moves to the <c>-poison</c> queue (the trigger's default is 5).</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;
}
