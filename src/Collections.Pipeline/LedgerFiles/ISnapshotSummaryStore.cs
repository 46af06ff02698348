namespace Collections.Pipeline.LedgerFiles;

/// <summary>Snapshot summaries per entity, by as-of date.</summary>
public interface ISnapshotSummaryStore
{
    /// <summary>Inserts or replaces the summary of one entity's snapshot (idempotent).</summary>
    Task SaveAsync(SnapshotSummary summary, CancellationToken cancellationToken);

    /// <summary>Summaries of an entity (or all entities when null) with as-of dates in [from, to], oldest first.</summary>
    Task<IReadOnlyList<SnapshotSummary>> ListAsync(string? entity, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The latest summary of an entity at or before a date, or null.</summary>
    Task<SnapshotSummary?> LatestAtOrBeforeAsync(string entity, DateOnly date, CancellationToken cancellationToken);
}
