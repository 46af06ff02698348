namespace Collections.Notices.Email.Acs;

/// <summary>
/// A self-imposed rate limit over two sliding windows (per minute and per hour), so a dunning run
/// spreads its sends instead of bursting into 429s. Each call reserves the earliest instant at which one
/// more request fits both windows. Per process: instances sharing one ACS subscription must split the quota.
/// </summary>
internal sealed class SendQuotaThrottle
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _reserved = [];
    private readonly int _perMinute;
    private readonly int _perHour;
    private readonly TimeProvider _timeProvider;

    public SendQuotaThrottle(int perMinute, int perHour, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perHour, 1);
        _perMinute = perMinute;
        _perHour = perHour;
        _timeProvider = timeProvider;
    }

    /// <summary>Reserves a slot and returns how long to wait before using it (zero when free now).</summary>
    /// <remarks>
    /// Slots are handed out in order (first come, first served), so with the reservations sorted the
    /// earliest legal slot is simply: not before now, not before the last slot, and at least one window
    /// after the reservation <c>limit</c> places back in each window.
    /// </remarks>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            _reserved.RemoveAll(t => t <= now - Hour);
            var at = now;
            var n = _reserved.Count;
            if (n > 0 && _reserved[n - 1] > at)
            {
                at = _reserved[n - 1];
            }

            if (n >= _perMinute && _reserved[n - _perMinute] + Minute > at)
            {
                at = _reserved[n - _perMinute] + Minute;
            }

            if (n >= _perHour && _reserved[n - _perHour] + Hour > at)
            {
                at = _reserved[n - _perHour] + Hour;
            }

            _reserved.Add(at);
            return at - now;
        }
    }

    /// <summary>Reserves a slot and waits for it on the injected clock; <paramref name="onWait"/> hears of any wait before it starts.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken, Action<TimeSpan>? onWait = null)
    {
        var delay = Reserve();
        if (delay > TimeSpan.Zero)
        {
            onWait?.Invoke(delay);
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }
}
