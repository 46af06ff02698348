namespace Collections.Pipeline.Ingest;

/// <summary>
/// One problem found in a ledger file. <see cref="Row"/> is the spreadsheet row (header = 1) or null
/// for a file-level problem; <see cref="Column"/> is the canonical column name (e.g. <c>due_date</c>).
/// </summary>
public sealed record LedgerError(LedgerErrorCode Code, int? Row, string? Column, string? Value, string Message);
