namespace Collections.Pipeline.Queries;

/// <summary>
/// KPI arithmetic that no stored value can break (docs/reliability.md, "KPIs and extreme amounts"): sums saturate at
/// <see cref="decimal.MaxValue"/> / <see cref="decimal.MinValue"/> instead of throwing, and a ratio whose
/// arithmetic leaves the decimal range is reported as null (not computable), like a zero divisor. Ingest
/// refuses amounts that could get there (LedgerValues.MaxAmount); this guards values stored before that
/// limit or written by other means.
/// </summary>
internal static class SafeMoney
{
    /// <summary>a + b, saturated.</summary>
    public static decimal Add(decimal a, decimal b)
    {
        try
        {
            return a + b;
        }
        catch (OverflowException)
        {
            return a > 0m ? decimal.MaxValue : decimal.MinValue;
        }
    }

    /// <summary>The saturated sum of the values.</summary>
    public static decimal Sum<T>(IEnumerable<T> values, Func<T, decimal> pick)
    {
        var total = 0m;
        foreach (var v in values)
        {
            total = Add(total, pick(v));
        }

        return total;
    }

    /// <summary>Evaluates a ratio; null when any step overflows.</summary>
    public static decimal? Ratio(Func<decimal?> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
