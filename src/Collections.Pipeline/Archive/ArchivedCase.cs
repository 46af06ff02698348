using Collections.Domain.Cases;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Archive;

/// <summary>
/// One line of an archive blob: everything the live tables held about a closed case (its last state, its full
/// timeline, its outbox rows with their delivery results) and the names of its evidence blobs, which stay where
/// they are. Written once and never changed.
/// </summary>
/// <param name="RunId">The archive run that wrote the line.</param>
/// <param name="ArchivedAt">When the run wrote it.</param>
/// <param name="State">The case's last state.</param>
/// <param name="Timeline">The whole timeline, in the order it was written.</param>
/// <param name="Outbox">The outbox rows (notices and their delivery results), oldest first.</param>
/// <param name="Evidence">Evidence blobs of the case as <c>container/name</c>.</param>
public sealed record ArchivedCase(
    string RunId,
    DateTimeOffset ArchivedAt,
    CaseState State,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<OutboxEntry> Outbox,
    IReadOnlyList<string> Evidence)
{
    /// <summary>The line format's version.</summary>
    public int Schema { get; init; } = 1;

    /// <summary>The case id.</summary>
    public string CaseId => State.CaseId;
}
