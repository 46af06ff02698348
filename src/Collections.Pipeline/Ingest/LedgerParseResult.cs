using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// The outcome of reading and validating one ledger file. <see cref="Accounts"/> is empty unless the
/// file is valid: a file with any error is rejected whole.
/// </summary>
public sealed record LedgerParseResult
{
    public required string FileName { get; init; }

    /// <summary>Lowercase hex SHA-256 of the exact file bytes.</summary>
    public required string Sha256 { get; init; }

    public required DateOnly AsOf { get; init; }

    public required AsOfSource AsOfSource { get; init; }

    public LedgerFileFormat Format { get; init; }

    /// <summary>The text encoding used for a CSV (<c>utf-8</c>, <c>gb18030</c> ...); null for workbooks.</summary>
    public string? Encoding { get; init; }

    /// <summary>Distinct entities of the valid rows, ordered.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>Data rows read (header and blank rows excluded).</summary>
    public int RowCount { get; init; }

    /// <summary>The first errors (capped by <see cref="IngestOptions.MaxErrors"/>).</summary>
    public IReadOnlyList<LedgerError> Errors { get; init; } = [];

    /// <summary>All errors found, including those beyond the cap.</summary>
    public int ErrorCount { get; init; }

    /// <summary>Errors found but not listed in <see cref="Errors"/>.</summary>
    public int ErrorsOmitted => ErrorCount - Errors.Count;

    /// <summary>The accounts of a valid file, ordered by entity and customer id.</summary>
    public IReadOnlyList<CustomerAccount> Accounts { get; init; } = [];

    /// <summary>Number of distinct accounts among the valid rows.</summary>
    public int AccountCount { get; init; }

    public bool IsValid => ErrorCount == 0;
}
