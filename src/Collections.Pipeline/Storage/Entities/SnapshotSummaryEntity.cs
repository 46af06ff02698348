using System.Text.Json;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;

namespace Collections.Pipeline.Storage.Entities;

/// <summary>
/// A <c>LedgerSnapshots</c> row: partition = entity (escaped), row = as-of date. The per-currency totals are a
/// list of variable length, so they are one JSON column; everything else is a typed column.
/// </summary>
internal sealed class SnapshotSummaryEntity : TableRow
{
    public string Entity { get; set; } = "";

    public string FileId { get; set; } = "";

    /// <summary><see cref="CurrencyTotals"/> as a JSON array (a few hundred characters per currency).</summary>
    public string Currencies { get; set; } = "[]";

    public static SnapshotSummaryEntity From(SnapshotSummary s) => new()
    {
        PartitionKey = TableKeys.Encode(s.Entity),
        RowKey = TableDates.Format(s.AsOf),
        Entity = s.Entity,
        FileId = s.FileId,
        Currencies = JsonSerializer.Serialize(s.Currencies, CaseJson.Options),
    };

    public SnapshotSummary ToSummary() => new(
        Entity,
        TableDates.Parse(RowKey)!.Value,
        FileId,
        JsonSerializer.Deserialize<List<CurrencyTotals>>(Currencies, CaseJson.Options) ?? []);
}
