using System.Globalization;
using System.Text.Json;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Storage.Tables;

namespace Collections.Pipeline.Storage;

/// <summary>Snapshot summaries in table storage: partition = entity (escaped), row = as-of date.</summary>
public sealed class TableSnapshotSummaryStore : ISnapshotSummaryStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableSnapshotSummaryStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task SaveAsync(SnapshotSummary summary, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Encode(summary.Entity), Date(summary.AsOf)) { ["Entity"] = summary.Entity };
        ChunkedJson.Write(entity, JsonSerializer.Serialize(summary, CaseJson.Options));
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SnapshotSummary>> ListAsync(string? entity, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Create($"RowKey ge {Date(from)} and RowKey le {Date(to)}");
        if (entity is not null)
        {
            filter = TableFilter.Create($"PartitionKey eq {TableKeys.Encode(entity)}") + " and " + filter;
        }

        var list = new List<SnapshotSummary>();
        await foreach (var row in _table.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            list.Add(JsonSerializer.Deserialize<SnapshotSummary>(ChunkedJson.Read(row), CaseJson.Options)!);
        }

        return [.. list.OrderBy(s => s.AsOf).ThenBy(s => s.Entity, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<SnapshotSummary?> LatestAtOrBeforeAsync(string entity, DateOnly date, CancellationToken cancellationToken)
    {
        SnapshotSummary? latest = null;
        await foreach (var row in _table.QueryAsync(TableFilter.Create($"PartitionKey eq {TableKeys.Encode(entity)} and RowKey le {Date(date)}"), cancellationToken: cancellationToken))
        {
            latest = JsonSerializer.Deserialize<SnapshotSummary>(ChunkedJson.Read(row), CaseJson.Options);
        }

        return latest;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
