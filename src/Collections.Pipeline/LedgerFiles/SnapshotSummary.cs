namespace Collections.Pipeline.LedgerFiles;

/// <summary>
/// Per-entity totals of one applied snapshot, kept for the KPIs (DSO, CEI, recovery rate, aging trend):
/// one <see cref="CurrencyTotals"/> per currency. Written when a snapshot is applied.
/// </summary>
public sealed record SnapshotSummary(string Entity, DateOnly AsOf, string FileId, IReadOnlyList<CurrencyTotals> Currencies);

/// <summary>
/// One currency's totals in a snapshot. <see cref="CreditSales"/> is the original amount of invoices that
/// first appear in this snapshot (not in the entity's previous one) - the credit sales "as seen in the ledgers".
/// </summary>
public sealed record CurrencyTotals(
    string Currency,
    decimal Receivables,
    decimal Current,
    decimal Overdue,
    decimal Disputed,
    decimal CreditSales,
    IReadOnlyDictionary<string, decimal> OverdueByBucket,
    IReadOnlyDictionary<string, int> AccountsByBucket);
