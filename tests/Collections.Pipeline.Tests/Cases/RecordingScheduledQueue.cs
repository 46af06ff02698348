using Collections.Pipeline.Cases;
using Collections.Pipeline.Storage;
using Azure.Storage.Queues;

namespace Collections.Pipeline.Tests.Cases;

/// <summary>
/// A real storage queue whose messages are visible at once in real time, remembering the virtual instant
/// each was scheduled for, so the test driver can deliver them in virtual-time order.
/// </summary>
internal sealed class RecordingScheduledQueue : IScheduledQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _visibleAt = new(StringComparer.Ordinal);
    private readonly StorageScheduledQueue _inner;

    public RecordingScheduledQueue(QueueClient client, QueueClient poison, TimeProvider time)
    {
        Client = client;
        Poison = poison;
        _inner = new StorageScheduledQueue(client, time, _ => TimeSpan.Zero);
    }

    public QueueClient Client { get; }

    public QueueClient Poison { get; }

    public string Name => Client.Name;

    /// <summary>Throws on the next schedule calls, as if the process died right after its commit.</summary>
    public int FailNextSchedules { get; set; }

    /// <summary>Every (message, instant) scheduled, in order.</summary>
    public List<(string Message, DateTimeOffset VisibleAt)> History { get; } = [];

    public async Task ScheduleAsync(string message, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        if (FailNextSchedules > 0)
        {
            FailNextSchedules--;
            throw new IOException("simulated crash before the message was queued");
        }

        lock (_gate)
        {
            History.Add((message, visibleAt));
            Remember(message, visibleAt);
        }

        await _inner.ScheduleAsync(message, visibleAt, cancellationToken);
    }

    public void Remember(string message, DateTimeOffset visibleAt)
    {
        lock (_gate)
        {
            if (!_visibleAt.TryGetValue(message, out var list))
            {
                _visibleAt[message] = list = [];
            }

            list.Add(visibleAt);
            list.Sort();
        }
    }

    /// <summary>The earliest recorded instant for a message text (unknown texts are due at once).</summary>
    public DateTimeOffset VisibleAt(string message, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _visibleAt.TryGetValue(message, out var list) && list.Count > 0 ? list[0] : now;
        }
    }

    public void Consume(string message)
    {
        lock (_gate)
        {
            if (_visibleAt.TryGetValue(message, out var list) && list.Count > 0)
            {
                list.RemoveAt(0);
            }
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _visibleAt.Clear();
        }
    }
}
