namespace Collections.Host.Cli;

/// <summary>Balances in one currency, as decimal strings with the currency's minor-unit digits.</summary>
internal sealed record IngestReportBalance(string Currency, string Open, string Overdue, string Disputed);
