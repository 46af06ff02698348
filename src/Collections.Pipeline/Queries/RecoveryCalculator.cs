using System.Globalization;
using Collections.Domain.Aging;
using Collections.Domain.Cases;

namespace Collections.Pipeline.Queries;

/// <summary>
/// Recovery rate per bucket and bad-debt rate (domain.md section 6), from invoice histories.
/// Each invoice that is overdue during the period is attributed to exactly one bucket: its bucket at the
/// period's start when it was overdue then (base = its open amount then), else its bucket on the first day
/// in the period it is seen overdue (base = its open amount that day: overdue arising in the period).
/// Collected = payments recorded on it after that moment and up to the period's end, capped at the base.
/// </summary>
public static class RecoveryCalculator
{
    /// <summary>Recovery rows per currency and bucket (buckets with a zero base are omitted).</summary>
    public static IReadOnlyList<RecoveryRow> RecoveryRates(KpiPeriod period, IReadOnlyList<ItemMovement> movements)
    {
        var totals = new SortedDictionary<(string Currency, AgingBucket Bucket), (decimal Base, decimal Collected)>();
        foreach (var item in movements.GroupBy(m => m.Item, StringComparer.Ordinal))
        {
            var moves = item.OrderBy(m => m.Date).ToList();
            if (Attribute(period, moves) is not { } a)
            {
                continue;
            }

            var key = (moves[^1].Currency, a.Bucket);
            var t = totals.GetValueOrDefault(key);
            totals[key] = (SafeMoney.Add(t.Base, a.Base), SafeMoney.Add(t.Collected, a.Collected));
        }

        return [.. totals.Select(kv => new RecoveryRow(kv.Key.Currency, kv.Key.Bucket.ToLabel(), kv.Value.Base, kv.Value.Collected))];
    }

    /// <summary>Written-off amounts in the period (from the WrittenOff timeline entries) over the overdue total per currency.</summary>
    public static IReadOnlyList<BadDebtRow> BadDebtRates(KpiPeriod period, IEnumerable<KpiCaseData> cases, IReadOnlyList<RecoveryRow> recovery)
    {
        var writtenOff = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var e in cases.SelectMany(c => c.Timeline).Where(e => e.Type == TimelineType.WrittenOff && period.Contains(e.At) && e.Data is not null))
        {
            foreach (var (key, value) in e.Data!)
            {
                // Only the overdue, undisputed part counts (domain.md section 6), recorded per currency as "overdue.<ccy>";
                // "open.<ccy>" also holds not-yet-due, disputed and credit items and is not bad debt.
                if (key.StartsWith("overdue.", StringComparison.Ordinal)
                    && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0m)
                {
                    var currency = key["overdue.".Length..];
                    writtenOff[currency] = SafeMoney.Add(writtenOff.GetValueOrDefault(currency), amount);
                }
            }
        }

        var overdue = recovery.GroupBy(r => r.Currency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => SafeMoney.Sum(g, r => r.Base), StringComparer.Ordinal);
        return [.. writtenOff.Keys.Union(overdue.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => new BadDebtRow(c, writtenOff.GetValueOrDefault(c), overdue.GetValueOrDefault(c)))];
    }

    private static (AgingBucket Bucket, decimal Base, decimal Collected)? Attribute(KpiPeriod period, List<ItemMovement> moves)
    {
        var due = moves[^1].DueDate;

        // Overdue at the start of the period: open after the last movement before it.
        var before = moves.LastOrDefault(m => m.Date < period.From)?.OpenAfter ?? 0m;
        if (due < period.From && before > 0m)
        {
            return (AgingLabels.BucketFor(period.From.DayNumber - due.DayNumber), before, Collected(moves, before, m => m.Date >= period.From && m.Date <= period.To));
        }

        // Otherwise the first day in the period it is seen overdue: the day after its due date, or a snapshot day.
        var candidates = moves.Select(m => m.Date).Append(due.AddDays(1)).Where(period.Contains).Distinct().Order();
        foreach (var day in candidates)
        {
            var open = moves.LastOrDefault(m => m.Date <= day)?.OpenAfter ?? 0m;
            if (due < day && open > 0m)
            {
                return (AgingLabels.BucketFor(day.DayNumber - due.DayNumber), open, Collected(moves, open, m => m.Date > day && m.Date <= period.To));
            }
        }

        return null;
    }

    private static decimal Collected(List<ItemMovement> moves, decimal baseAmount, Func<ItemMovement, bool> inWindow)
    {
        var previous = baseAmount;
        var collected = 0m;
        foreach (var m in moves.Where(inWindow))
        {
            if (m.Collection && m.OpenAfter < previous)
            {
                collected = SafeMoney.Add(collected, SafeMoney.Add(previous, -m.OpenAfter));
            }

            previous = m.OpenAfter;
        }

        return Math.Min(baseAmount, collected);
    }
}
