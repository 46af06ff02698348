using Collections.Domain.Ledger;

using Collections.Domain.Monetary;

namespace Collections.Domain.Aging;

/// <summary>
/// An account's position on an as-of date: per-currency balances, days overdue, bucket and light,
/// computed exactly as domain.md section 3 defines them. Build it with <see cref="Compute"/>.
/// </summary>
public sealed record AccountBalance(
    DateOnly AsOf,
    IReadOnlyList<CurrencyBalance> Balances,
    int DaysOverdue,
    DateOnly? OldestOverdueDueDate,
    DateOnly? EarliestUpcomingDueDate)
{
    /// <summary>The aging bucket.</summary>
    public AgingBucket Bucket => AgingLabels.BucketFor(DaysOverdue);

    /// <summary>The traffic light.</summary>
    public TrafficLight Light => AgingLabels.LightFor(DaysOverdue);

    /// <summary>Whether any currency has overdue debt.</summary>
    public bool HasOverdue => Balances.Any(b => b.Overdue > 0m);

    /// <summary>Whether any currency has a positive open balance (debt after credits).</summary>
    public bool HasDebt => Balances.Any(b => b.Open > 0m);

    /// <summary>The overdue amount in a currency (0 when the account has none in it).</summary>
    public decimal OverdueIn(Currency currency) =>
        Balances.FirstOrDefault(b => b.Currency == currency)?.Overdue ?? 0m;

    /// <summary>
    /// Computes balances on <paramref name="asOf"/>. Items flagged disputed in the ledger, and items
    /// whose invoice id is in <paramref name="disputedInvoiceIds"/> (disputes recorded on the case),
    /// are excluded from overdue. Credits and unapplied cash offset overdue debt first.
    /// </summary>
    /// <remarks>
    /// Days overdue is taken from the oldest overdue non-disputed item among the currencies whose
    /// overdue balance is positive: a debt fully offset by credits in its own currency is not
    /// overdue, so it cannot make the account older (credits never cross currencies).
    /// </remarks>
    public static AccountBalance Compute(
        IEnumerable<LedgerItem> items,
        DateOnly asOf,
        IReadOnlySet<string>? disputedInvoiceIds = null)
    {
        var list = items as IReadOnlyList<LedgerItem> ?? items.ToList();
        bool IsDisputed(LedgerItem i) => i.Disputed || (disputedInvoiceIds?.Contains(i.InvoiceId) ?? false);

        var balances = new List<CurrencyBalance>();
        DateOnly? oldest = null;
        DateOnly? upcoming = null;
        foreach (var group in list.GroupBy(i => i.Currency).OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            decimal open = 0m, overdueDebt = 0m, credits = 0m, disputed = 0m;
            DateOnly? oldestInCurrency = null;
            foreach (var item in group)
            {
                open += item.OpenAmount;
                if (item.OpenAmount < 0m)
                {
                    credits += item.OpenAmount;
                }
                else if (IsDisputed(item))
                {
                    disputed += item.OpenAmount;
                }
                else if (item.IsOverdue(asOf))
                {
                    overdueDebt += item.OpenAmount;
                    if (oldestInCurrency is null || item.DueDate < oldestInCurrency)
                    {
                        oldestInCurrency = item.DueDate;
                    }
                }
                else if (item.OpenAmount > 0m && (upcoming is null || item.DueDate < upcoming))
                {
                    upcoming = item.DueDate;
                }
            }

            var overdue = Math.Max(0m, overdueDebt + credits);
            balances.Add(new CurrencyBalance(group.Key, open, overdue, disputed));
            if (overdue > 0m && (oldest is null || oldestInCurrency < oldest))
            {
                oldest = oldestInCurrency;
            }
        }

        var days = oldest is { } d ? asOf.DayNumber - d.DayNumber : 0;
        return new AccountBalance(asOf, balances, days, oldest, upcoming);
    }
}
