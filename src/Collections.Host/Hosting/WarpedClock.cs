namespace Collections.Host.Hosting;

/// <summary>
/// A virtual clock running <see cref="Speed"/> times faster than real time: the real instant
/// <see cref="RealStart"/> is the virtual instant <see cref="VirtualStart"/>, and virtual time stands still before it
/// (so work started early sees the start instant). Pure arithmetic on its inputs, so an orchestration replays the same
/// virtual instants from the same recorded real ones.
/// </summary>
internal sealed record WarpedClock(DateTime RealStart, DateTime VirtualStart, double Speed)
{
    /// <summary>A clock on which one virtual day lasts <paramref name="daySeconds"/> real seconds.</summary>
    public static WarpedClock DayLasts(DateTime realStart, DateTime virtualStart, double daySeconds) =>
        new(realStart, virtualStart, TimeSpan.FromDays(1).TotalSeconds / daySeconds);

    /// <summary>The virtual instant of a real one (UTC).</summary>
    public DateTime ToVirtual(DateTime real) =>
        DateTime.SpecifyKind(VirtualStart + TimeSpan.FromTicks((long)Math.Floor(Math.Max(0, (real - RealStart).Ticks) * Speed)), DateTimeKind.Utc);

    /// <summary>The real instant of a virtual one (UTC), rounded up so a timer never fires before its virtual instant.</summary>
    public DateTime ToReal(DateTime @virtual) =>
        DateTime.SpecifyKind(RealStart + TimeSpan.FromTicks((long)Math.Ceiling((@virtual - VirtualStart).Ticks / Speed) + 1), DateTimeKind.Utc);
}
