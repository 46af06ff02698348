using Collections.Pipeline.Clock;

namespace Collections.Benchmarks.Durable;

/// <summary>Where a bench host runs: storage, task hub, worker id, projection table, and the clock its cases see (null: real time).</summary>
internal sealed record BenchHostSettings(string Connection, string Hub, string WorkerId, string Table, AcceleratedTimeProvider? Clock)
{
    /// <summary>The product option <see cref="Pipeline.Orchestration.CaseOptions.ResendInterruptedSends"/> (default false).</summary>
    public bool ResendInterruptedSends { get; init; }
}
