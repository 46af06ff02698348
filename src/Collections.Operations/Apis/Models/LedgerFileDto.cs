namespace Collections.Operations.Apis.Models;

/// <summary>One ledger file: status and progress.</summary>
internal sealed record LedgerFileDto
{
    public required string Id { get; init; }

    public required string FileName { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Status { get; init; }

    public string? Entity { get; init; }

    public DateOnly? AsOf { get; init; }

    public string? Sha256 { get; init; }

    public int RowsValidated { get; init; }

    public int? RowsTotal { get; init; }

    public int AccountsApplied { get; init; }

    public int? AccountsTotal { get; init; }

    /// <summary>Percent done (0-100): accounts applied when known, else rows validated; 100 once finished.</summary>
    public int Progress { get; init; }

    public int ErrorCount { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? DuplicateOf { get; init; }

    public string? ReportBlob { get; init; }

    public string? ReportCsvBlob { get; init; }
}
