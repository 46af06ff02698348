using Azure.Data.Tables;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Storage.Entities;

namespace Collections.Pipeline.Storage;

/// <summary>Snapshot summaries in table storage: partition = entity (escaped), row = as-of date.</summary>
public sealed class TableSnapshotSummaryStore : ISnapshotSummaryStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableSnapshotSummaryStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task SaveAsync(SnapshotSummary summary, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(SnapshotSummaryEntity.From(summary), TableUpdateMode.Replace, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<SnapshotSummary>> ListAsync(string? entity, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {TableDates.Format(from)} and RowKey le {TableDates.Format(to)}");
        if (entity is not null)
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(entity)}") + " and " + filter;
        }

        var list = new List<SnapshotSummary>();
        await foreach (var row in _table.QueryAsync<SnapshotSummaryEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(row.ToSummary());
        }

        return [.. list.OrderBy(s => s.AsOf).ThenBy(s => s.Entity, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<SnapshotSummary?> LatestAtOrBeforeAsync(string entity, DateOnly date, CancellationToken cancellationToken)
    {
        SnapshotSummary? latest = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(entity)} and RowKey le {TableDates.Format(date)}");
        await foreach (var row in _table.QueryAsync<SnapshotSummaryEntity>(filter, cancellationToken: cancellationToken))
        {
            latest = row.ToSummary();
        }

        return latest;
    }
}
