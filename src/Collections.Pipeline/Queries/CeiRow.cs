namespace Collections.Pipeline.Queries;

/// <summary>Collection effectiveness index in one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="OpeningReceivables">Receivables of the opening snapshots.</param>
/// <param name="CreditSales">Invoices issued in the period as seen in the ledgers.</param>
/// <param name="ClosingReceivables">Receivables of the closing snapshots.</param>
/// <param name="ClosingCurrent">Not-yet-due receivables of the closing snapshots.</param>
public sealed record CeiRow(string Currency, decimal OpeningReceivables, decimal CreditSales, decimal ClosingReceivables, decimal ClosingCurrent)
{
    /// <summary>(opening + sales - closing) / (opening + sales - closing current) x 100, 1 decimal; null when the divisor is zero or the arithmetic leaves the decimal range.</summary>
    public decimal? Cei => SafeMoney.Ratio(() =>
    {
        var divisor = OpeningReceivables + CreditSales - ClosingCurrent;
        return divisor == 0m ? null : Math.Round((OpeningReceivables + CreditSales - ClosingReceivables) / divisor * 100m, 1, MidpointRounding.AwayFromZero);
    });
}
