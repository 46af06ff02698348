using Collections.Domain.Aging;
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
        var salesFrom = previousAsOf ?? asOf.AddDays(-30);
        var totals = new SortedDictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var balance = AccountBalance.Compute(account.Items, asOf);
            var bucket = balance.Bucket.ToLabel();
            foreach (var b in balance.Balances)
            {
                var t = Get(totals, b.Currency.Code);
                t.Receivables += b.Open;
                t.Overdue += b.Overdue;
                t.Disputed += b.Disputed;
                t.Current += b.Open - b.Overdue - b.Disputed;
                if (b.Overdue > 0m)
                {
                    t.OverdueByBucket[bucket] = t.OverdueByBucket.GetValueOrDefault(bucket) + b.Overdue;
                }

                t.AccountsByBucket[bucket] = t.AccountsByBucket.GetValueOrDefault(bucket) + 1;
            }

            foreach (var invoice in account.Items.Where(i => i.IsInvoice && i.InvoiceDate > salesFrom && i.InvoiceDate <= asOf))
            {
                Get(totals, invoice.Currency.Code).CreditSales += invoice.Amount;
            }
        }

        return new SnapshotSummary(entity, asOf, fileId, [.. totals.Select(kv => new CurrencyTotals(
            kv.Key, kv.Value.Receivables, kv.Value.Current, kv.Value.Overdue, kv.Value.Disputed, kv.Value.CreditSales, kv.Value.OverdueByBucket, kv.Value.AccountsByBucket))]);
    }

    private static Totals Get(SortedDictionary<string, Totals> totals, string currency)
    {
        if (!totals.TryGetValue(currency, out var t))
        {
            totals[currency] = t = new Totals();
        }

        return t;
    }

    private sealed class Totals
    {
        public decimal Receivables { get; set; }

        public decimal Current { get; set; }

        public decimal Overdue { get; set; }

        public decimal Disputed { get; set; }

        public decimal CreditSales { get; set; }

        public Dictionary<string, decimal> OverdueByBucket { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> AccountsByBucket { get; } = new(StringComparer.Ordinal);
    }
}
