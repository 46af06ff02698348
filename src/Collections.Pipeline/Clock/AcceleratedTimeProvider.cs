namespace Collections.Pipeline.Clock;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time from a chosen start, so a demo or an
/// end-to-end test watches weeks of dunning in minutes (1440 = one day per minute). Queue delays are
/// divided by the same speed (<see cref="ToRealDelay"/>), so timers fire at the right virtual instant.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _realStart;
    private readonly DateTimeOffset _virtualStart;

    /// <summary>Creates the clock.</summary>
    public AcceleratedTimeProvider(DateTimeOffset virtualStart, double speed, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1d);
        _real = real ?? System;
        _realStart = _real.GetUtcNow();
        _virtualStart = virtualStart;
        Speed = speed;
    }

    /// <summary>The real instant the clock started at.</summary>
    public DateTimeOffset RealStart => _realStart;

    /// <summary>The virtual instant at <see cref="RealStart"/>.</summary>
    public DateTimeOffset VirtualStart => _virtualStart;

    /// <summary>Virtual seconds per real second.</summary>
    public double Speed { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _virtualStart + ((_real.GetUtcNow() - _realStart) * Speed);

    /// <summary>The real time a virtual delay takes.</summary>
    public TimeSpan ToRealDelay(TimeSpan virtualDelay) => virtualDelay / Speed;
}
