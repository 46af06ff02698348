using Collections.Pipeline.Clock;

namespace Collections.Benchmarks.Durable;

/// <summary>Where a bench host runs: storage, task hub, worker id, projection table, and the clock its cases see (null: real time).</summary>
internal sealed record BenchHostSettings(string Connection, string Hub, string WorkerId, string Table, AcceleratedTimeProvider? Clock)
{
    /// <summary>The product option <see cref="Pipeline.Orchestration.CaseOptions.ResendInterruptedSends"/> (default false).</summary>
    public bool ResendInterruptedSends { get; init; }

    /// <summary>Told about every projection save (the durable verb's sleeping phase), or null.</summary>
    public FirstSaveRecorder? FirstSaves { get; init; }

    /// <summary>Further <c>Durable:*</c> settings of the local runtime (e.g. <c>Durable:PartitionCount</c>); none by default.</summary>
    public IReadOnlyDictionary<string, string> Runtime { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
