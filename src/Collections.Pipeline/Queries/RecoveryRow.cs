namespace Collections.Pipeline.Queries;

/// <summary>Recovery rate of one aging bucket in one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Bucket">The bucket the overdue amounts were attributed to.</param>
/// <param name="Base">Overdue open at the period's start plus overdue arising in it.</param>
/// <param name="Collected">Of that, collected during the period.</param>
public sealed record RecoveryRow(string Currency, string Bucket, decimal Base, decimal Collected)
{
    /// <summary>Collected / base (0 to 1, 4 decimals), null when the base is zero.</summary>
    public decimal? Rate => Base == 0m ? null : SafeMoney.Ratio(() => Math.Round(Collected / Base, 4, MidpointRounding.AwayFromZero));
}
