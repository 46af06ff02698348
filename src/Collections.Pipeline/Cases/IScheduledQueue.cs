namespace Collections.Pipeline.Cases;

/// <summary>A queue whose messages become visible at an instant: durable timers and the notice outbox.</summary>
public interface IScheduledQueue
{
    /// <summary>The queue's name (e.g. <c>dunning-timers</c>).</summary>
    string Name { get; }

    /// <summary>Schedules a message. Waits longer than the queue allows (7 days) are the consumer's to chain.</summary>
    Task ScheduleAsync(string message, DateTimeOffset visibleAt, CancellationToken cancellationToken);
}
