using Collections.Domain.Cases;

namespace Collections.Pipeline.Cases;

/// <summary>
/// Everything one transition writes, atomically: the new state (inserted when <see cref="ExpectedETag"/>
/// is null, else replaced only if the stored ETag still matches), its timeline entries and outbox rows.
/// </summary>
public sealed record CaseCommit(CaseState State, string? ExpectedETag, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<OutboxEntry> Outbox);
