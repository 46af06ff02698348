namespace Collections.Pipeline.Archive;

/// <summary>Which archived cases to list: by entity and by close instant (<c>[ClosedFrom, ClosedBefore)</c>).</summary>
public sealed record ArchiveQuery
{
    /// <summary>Only this entity.</summary>
    public string? Entity { get; init; }

    /// <summary>Only cases that closed at or after this instant.</summary>
    public DateTimeOffset? ClosedFrom { get; init; }

    /// <summary>Only cases that closed before this instant.</summary>
    public DateTimeOffset? ClosedBefore { get; init; }
}
