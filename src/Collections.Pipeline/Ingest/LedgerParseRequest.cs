namespace Collections.Pipeline.Ingest;

/// <summary>What is known about a ledger file besides its bytes.</summary>
/// <param name="FileName">The file (blob) name; used for the as-of suffix and provenance.</param>
/// <param name="UploadDate">The upload date, the last resort for the as-of date.</param>
public sealed record LedgerParseRequest(string FileName, DateOnly UploadDate)
{
    /// <summary>Explicit as-of date (CLI <c>--as-of</c>, blob metadata <c>asof</c>); wins over everything.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Text encoding of a CSV (e.g. <c>gb18030</c>, <c>utf-8</c>); null = detect.</summary>
    public string? EncodingName { get; init; }

    /// <summary>Mapping profile for a non-canonical export; null = canonical format.</summary>
    public MappingProfile? Profile { get; init; }

    /// <summary>
    /// Whether to materialise accounts and items in the result (default). A validate-only pass over a
    /// huge file can turn this off to keep memory to one entry per account and invoice id.
    /// </summary>
    public bool IncludeAccounts { get; init; } = true;
}
