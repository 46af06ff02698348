namespace Collections.Pipeline.Queries;

/// <summary>Bad-debt rate of one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="WrittenOff">Overdue, undisputed amounts of cases written off in the period (not their not-yet-due or disputed items).</param>
/// <param name="OverdueTotal">Overdue open at the period's start plus overdue arising in it (the recovery base, all buckets).</param>
public sealed record BadDebtRow(string Currency, decimal WrittenOff, decimal OverdueTotal)
{
    /// <summary>Written off / overdue total (4 decimals), null when nothing was overdue.</summary>
    public decimal? Rate => OverdueTotal == 0m ? null : SafeMoney.Ratio(() => Math.Round(WrittenOff / OverdueTotal, 4, MidpointRounding.AwayFromZero));
}
