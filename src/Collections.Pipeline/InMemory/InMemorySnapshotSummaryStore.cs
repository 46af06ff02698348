using Collections.Pipeline.LedgerFiles;

namespace Collections.Pipeline.InMemory;

/// <summary>Snapshot summaries in memory (simulation and tests).</summary>
public sealed class InMemorySnapshotSummaryStore : ISnapshotSummaryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, DateOnly), SnapshotSummary> _summaries = [];

    /// <inheritdoc />
    public Task SaveAsync(SnapshotSummary summary, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _summaries[(summary.Entity, summary.AsOf)] = summary;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SnapshotSummary>> ListAsync(string? entity, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SnapshotSummary> list = [.. _summaries.Values
                .Where(s => (entity is null || string.Equals(s.Entity, entity, StringComparison.Ordinal)) && s.AsOf >= from && s.AsOf <= to)
                .OrderBy(s => s.AsOf).ThenBy(s => s.Entity, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<SnapshotSummary?> LatestAtOrBeforeAsync(string entity, DateOnly date, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_summaries.Values.Where(s => string.Equals(s.Entity, entity, StringComparison.Ordinal) && s.AsOf <= date).MaxBy(s => s.AsOf));
        }
    }
}
