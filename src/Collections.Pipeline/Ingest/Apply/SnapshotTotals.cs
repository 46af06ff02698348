using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Pipeline.LedgerFiles;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// One entity's snapshot totals, summed one account at a time (so apply need not keep the accounts): what
/// <see cref="SnapshotSummaryBuilder.Build"/> returns for the same accounts in the same order.
/// </summary>
internal sealed class SnapshotTotals
{
    private readonly SortedDictionary<string, Totals> _totals = new(StringComparer.Ordinal);
    private readonly DateOnly _asOf;
    private readonly DateOnly _salesFrom;

    /// <summary>Totals as of <paramref name="asOf"/>; credit sales are the invoices dated after <paramref name="previousAsOf"/> (or the 30 days before).</summary>
    public SnapshotTotals(DateOnly asOf, DateOnly? previousAsOf)
    {
        _asOf = asOf;
        _salesFrom = previousAsOf ?? asOf.AddDays(-30);
    }

    /// <summary>Adds one account of the entity.</summary>
    public void Add(CustomerAccount account)
    {
        var balance = AccountBalance.Compute(account.Items, _asOf);
        var bucket = balance.Bucket.ToLabel();
        foreach (var b in balance.Balances)
        {
            var t = Get(b.Currency.Code);
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

        foreach (var invoice in account.Items.Where(i => i.IsInvoice && i.InvoiceDate > _salesFrom && i.InvoiceDate <= _asOf))
        {
            Get(invoice.Currency.Code).CreditSales += invoice.Amount;
        }
    }

    /// <summary>The summary of the accounts added so far.</summary>
    public SnapshotSummary ToSummary(string entity, string fileId) =>
        new(entity, _asOf, fileId, [.. _totals.Select(kv => new CurrencyTotals(
            kv.Key, kv.Value.Receivables, kv.Value.Current, kv.Value.Overdue, kv.Value.Disputed, kv.Value.CreditSales, kv.Value.OverdueByBucket, kv.Value.AccountsByBucket))]);

    private Totals Get(string currency)
    {
        if (!_totals.TryGetValue(currency, out var t))
        {
            _totals[currency] = t = new Totals();
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
