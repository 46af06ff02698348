namespace Collections.Pipeline.Clock;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time: the real instant <see cref="RealStart"/> is the
/// virtual instant <see cref="VirtualStart"/>, and virtual time stands still before it (work started early sees the
/// start instant). A demo or an end-to-end test watches weeks of dunning in minutes (1440 = one day per minute).
/// </summary>
/// <remarks>
/// The one fast clock of the product: the API and ingest read <see cref="GetUtcNow"/>; the local host's warped
/// orchestration context maps the orchestration's replayed real instants through <see cref="ToVirtual"/> and its
/// timers through <see cref="ToReal"/>. Both mappings are pure arithmetic on their input, so a replay sees the same
/// virtual instants from the same recorded real ones, and both sides share one timeline.
/// </remarks>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;

    /// <summary>Creates the clock, starting now on <paramref name="real"/> (default: the system clock).</summary>
    /// <param name="virtualStart">The virtual instant at the real instant the clock is created.</param>
    /// <param name="speed">Virtual seconds per real second (at least 1).</param>
    /// <param name="real">The real clock.</param>
    public AcceleratedTimeProvider(DateTimeOffset virtualStart, double speed, TimeProvider? real = null)
        : this((real ?? System).GetUtcNow(), virtualStart, speed, real)
    {
    }

    /// <summary>Creates the clock anchored at a chosen real instant (which may lie ahead: virtual time waits for it).</summary>
    /// <param name="realStart">The real instant that is <paramref name="virtualStart"/>.</param>
    /// <param name="virtualStart">The virtual instant at <paramref name="realStart"/>.</param>
    /// <param name="speed">Virtual seconds per real second (at least 1).</param>
    /// <param name="real">The real clock (default: the system clock).</param>
    public AcceleratedTimeProvider(DateTimeOffset realStart, DateTimeOffset virtualStart, double speed, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1d);
        _real = real ?? System;
        RealStart = realStart.ToUniversalTime();
        VirtualStart = virtualStart.ToUniversalTime();
        Speed = speed;
    }

    /// <summary>The real instant that is <see cref="VirtualStart"/> (UTC).</summary>
    public DateTimeOffset RealStart { get; }

    /// <summary>The virtual instant at <see cref="RealStart"/> (UTC).</summary>
    public DateTimeOffset VirtualStart { get; }

    /// <summary>Virtual seconds per real second.</summary>
    public double Speed { get; }

    /// <summary>A clock on which one virtual day lasts <paramref name="daySeconds"/> real seconds.</summary>
    public static AcceleratedTimeProvider DayLasts(DateTimeOffset realStart, DateTimeOffset virtualStart, double daySeconds, TimeProvider? real = null) =>
        new(realStart, virtualStart, TimeSpan.FromDays(1).TotalSeconds / daySeconds, real);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => ToVirtual(_real.GetUtcNow());

    /// <summary>The virtual instant of a real one (UTC); <see cref="VirtualStart"/> for any real instant before <see cref="RealStart"/>.</summary>
    public DateTimeOffset ToVirtual(DateTimeOffset real) =>
        VirtualStart + TimeSpan.FromTicks((long)Math.Floor(Math.Max(0, (real - RealStart).Ticks) * Speed));

    /// <summary>The real instant of a virtual one (UTC), rounded up so a timer never fires before its virtual instant.</summary>
    public DateTimeOffset ToReal(DateTimeOffset @virtual) =>
        RealStart + TimeSpan.FromTicks((long)Math.Ceiling((@virtual - VirtualStart).Ticks / Speed) + 1);
}
