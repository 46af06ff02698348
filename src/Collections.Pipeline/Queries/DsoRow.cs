namespace Collections.Pipeline.Queries;

/// <summary>Days sales outstanding in one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="EndingReceivables">Receivables of the closing snapshots.</param>
/// <param name="CreditSales">Invoices issued in the period as seen in the ledgers.</param>
/// <param name="Days">Days in the period.</param>
public sealed record DsoRow(string Currency, decimal EndingReceivables, decimal CreditSales, int Days)
{
    /// <summary>Ending receivables / (credit sales / days), 1 decimal; null without credit sales or when it leaves the decimal range.</summary>
    public decimal? Dso => CreditSales == 0m || Days == 0 ? null : SafeMoney.Ratio(() => Math.Round(EndingReceivables / (CreditSales / Days), 1, MidpointRounding.AwayFromZero));
}
