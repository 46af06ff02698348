namespace Collections.Pipeline.Archive;

/// <summary>The archive index's record of one archived case: what it was, when it closed, and where its line is.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Entity">The ledger entity.</param>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Stage">The ladder stage it ended at.</param>
/// <param name="Status">Its runtime status (Completed or Terminated).</param>
/// <param name="CloseReason">Why it ended.</param>
/// <param name="CreatedAt">When it opened.</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="Blob">The archive blob holding its line (a name in the archive container).</param>
/// <param name="Line">The line's index in the blob, from 0.</param>
/// <param name="LineSha256">SHA-256 (hex) of the line's UTF-8 bytes, without the line break.</param>
/// <param name="ArchivedAt">When it was archived.</param>
public sealed record ArchiveEntry(
    string CaseId,
    string Entity,
    string CustomerId,
    string Stage,
    string Status,
    string? CloseReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset ClosedAt,
    string Blob,
    int Line,
    string LineSha256,
    DateTimeOffset ArchivedAt);
