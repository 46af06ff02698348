namespace Collections.Pipeline.Archive;

/// <summary>Which archived cases to list: by entity, final stage, close instant (<c>[ClosedFrom, ClosedBefore)</c>) and case id.</summary>
public sealed record ArchiveQuery
{
    /// <summary>Only this entity.</summary>
    public string? Entity { get; init; }

    /// <summary>Only cases that closed at or after this instant.</summary>
    public DateTimeOffset? ClosedFrom { get; init; }

    /// <summary>Only cases that closed before this instant.</summary>
    public DateTimeOffset? ClosedBefore { get; init; }

    /// <summary>Only cases that ended at this stage (a <c>CaseStage</c> name, e.g. <c>WrittenOff</c>).</summary>
    public string? Stage { get; init; }

    /// <summary>Only cases whose id sorts after this one (ordinal): the keyset a listing pages on.</summary>
    public string? AfterCaseId { get; init; }

    /// <summary>Rows the table service returns per request (null: its maximum, 1000); a listing page asks for its size plus one.</summary>
    public int? RowsPerRequest { get; init; }
}
