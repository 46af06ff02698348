namespace Collections.Host.Cli;

/// <summary>One error: spreadsheet row (null for the whole file), canonical column, offending value, reason.</summary>
internal sealed record IngestReportError(int? Row, string? Column, string? Value, string Message);
