namespace Collections.Pipeline.LedgerFiles;

/// <summary>One dropped ledger file: identity, outcome and progress (the <c>LedgerFiles</c> table).</summary>
public sealed record LedgerFileRecord(string Id, string FileName, DateTimeOffset ReceivedAt)
{
    /// <summary>SHA-256 of the content (lower-case hex), once read.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Processing status.</summary>
    public LedgerFileStatus Status { get; init; } = LedgerFileStatus.Received;

    /// <summary>The entity (or entities, comma-separated) the file is for.</summary>
    public string? Entity { get; init; }

    /// <summary>The snapshot's as-of date.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Data rows read and validated so far.</summary>
    public int RowsValidated { get; init; }

    /// <summary>Data rows in the file, once known.</summary>
    public int? RowsTotal { get; init; }

    /// <summary>Accounts applied so far.</summary>
    public int AccountsApplied { get; init; }

    /// <summary>Accounts in the file, once known.</summary>
    public int? AccountsTotal { get; init; }

    /// <summary>Validation errors found (the report lists them).</summary>
    public int ErrorCount { get; init; }

    /// <summary>A one-line outcome ("applied 240 rows to 35 accounts", "rejected: 3 errors", "duplicate of ...").</summary>
    public string? Message { get; init; }

    /// <summary>Blob path of the summary or error report (JSON), e.g. <c>ledgers-rejected/x.csv.errors.json</c>.</summary>
    public string? ReportBlob { get; init; }

    /// <summary>Blob path of the error report as CSV, for rejected files.</summary>
    public string? ReportCsvBlob { get; init; }

    /// <summary>When processing ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The file this one duplicates, for duplicates.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>ETag for conditional updates.</summary>
    public string? ETag { get; init; }
}
