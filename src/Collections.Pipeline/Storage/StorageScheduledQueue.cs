using Azure.Storage.Queues;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Storage;

/// <summary>A scheduled queue on an Azure Storage queue: a visibility delay of at most 7 days, messages never expire.</summary>
public sealed class StorageScheduledQueue : IScheduledQueue
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    // The queue service's "never expires" time-to-live.
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private readonly QueueClient _queue;
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, TimeSpan> _toRealDelay;

    /// <summary>
    /// Creates the queue adapter (the queue must exist). <paramref name="toRealDelay"/> converts a delay on
    /// <paramref name="time"/> into real time (an accelerated clock divides it by its speed); identity by default.
    /// </summary>
    public StorageScheduledQueue(QueueClient queue, TimeProvider time, Func<TimeSpan, TimeSpan>? toRealDelay = null)
    {
        _queue = queue;
        _time = time;
        _toRealDelay = toRealDelay ?? (d => d);
    }

    /// <inheritdoc />
    public string Name => _queue.Name;

    /// <inheritdoc />
    public async Task ScheduleAsync(string message, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        var delay = _toRealDelay(visibleAt - _time.GetUtcNow());
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
        await _queue.SendMessageAsync(message, TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)), NeverExpires, cancellationToken);
    }
}
