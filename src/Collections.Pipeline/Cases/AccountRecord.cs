namespace Collections.Pipeline.Cases;

/// <summary>
/// The account index: which case (if any) is the account's active episode, how many episodes it had, and
/// which snapshot was last applied to it.
/// </summary>
public sealed record AccountRecord(string Entity, string CustomerId)
{
    /// <summary>The running case, if any.</summary>
    public string? ActiveCaseId { get; init; }

    /// <summary>Episodes (cases) opened so far.</summary>
    public int Episode { get; init; }

    /// <summary>SHA-256 of the last snapshot file applied to the account.</summary>
    public string? LastSha256 { get; init; }

    /// <summary>As-of date of that snapshot.</summary>
    public DateOnly? LastAsOf { get; init; }

    /// <summary>
    /// Items of the last snapshot that were left out as written off by an earlier case (domain.md section 4): they
    /// count in no overdue balance and open no case. 0 when the snapshot listed none.
    /// </summary>
    public int WrittenOffItems { get; init; }

    /// <summary>Per currency code, the open amount of those items shown as written off; null when there are none.</summary>
    public IReadOnlyDictionary<string, decimal>? WrittenOffOpen { get; init; }

    /// <summary>ETag for conditional updates; null for a record not yet stored.</summary>
    public string? ETag { get; init; }
}
