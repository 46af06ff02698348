namespace Collections.Pipeline.InMemory;

/// <summary>
/// A scheduled queue in memory: messages become due at their instant. The simulation drains it on a
/// virtual clock (<see cref="TryTakeDue"/>), exactly as the storage queue would deliver them.
/// </summary>
public sealed class InMemoryScheduledQueue : Cases.IScheduledQueue
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<string, (DateTimeOffset At, long Seq)> _messages = new();
    private long _seq;

    /// <summary>Creates a queue.</summary>
    public InMemoryScheduledQueue(string name) => Name = name;

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The earliest instant a waiting message becomes visible, or null.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _messages.TryPeek(out _, out var key) ? key.At : null;
            }
        }
    }

    /// <inheritdoc />
    public Task ScheduleAsync(string message, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _messages.Enqueue(message, (visibleAt, _seq++));
        }

        return Task.CompletedTask;
    }

    /// <summary>Takes the earliest message visible at <paramref name="now"/>, if any.</summary>
    public bool TryTakeDue(DateTimeOffset now, out string message)
    {
        lock (_gate)
        {
            if (_messages.TryPeek(out var m, out var key) && key.At <= now)
            {
                _messages.Dequeue();
                message = m;
                return true;
            }

            message = "";
            return false;
        }
    }
}
