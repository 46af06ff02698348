using Collections.Domain.Ledger;
using Collections.Pipeline.LedgerFiles;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// Totals of one entity's snapshot for the KPIs. Credit sales are the invoices dated after the entity's
/// previous snapshot (up to this as-of date): the invoices the ledgers show as issued in between. For an
/// entity's first snapshot the window is the 30 days before its as-of date.
/// </summary>
public static class SnapshotSummaryBuilder
{
    /// <summary>Builds the summary of <paramref name="accounts"/> (all of one entity).</summary>
    public static SnapshotSummary Build(string entity, DateOnly asOf, DateOnly? previousAsOf, string fileId, IEnumerable<CustomerAccount> accounts)
    {
        var totals = new SnapshotTotals(asOf, previousAsOf);
        foreach (var account in accounts)
        {
            totals.Add(account);
        }

        return totals.ToSummary(entity, fileId);
    }
}
