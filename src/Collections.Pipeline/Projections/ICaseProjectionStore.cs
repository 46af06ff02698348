using Collections.Domain.Cases;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Projections;

/// <summary>
/// The read side of cases, written by the case orchestration's activities: one projection row per case
/// (its latest state), its append-only timeline rows and its outbox rows. Every write is idempotent, because
/// activities run at least once.
/// </summary>
public interface ICaseProjectionStore
{
    /// <summary>
    /// Writes a case's state (unless a newer version is stored), upserts its timeline rows by sequence number
    /// and adds outbox rows that do not exist yet.
    /// </summary>
    Task SaveAsync(CaseState state, long firstSeq, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<OutboxEntry> outbox, CancellationToken cancellationToken);

    /// <summary>The case's latest state, or null.</summary>
    Task<CaseState?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Cases matching a filter, in no particular order.</summary>
    IAsyncEnumerable<CaseState> ListAsync(CaseListFilter filter, CancellationToken cancellationToken);

    /// <summary>The case's timeline in the order it was written.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The case's outbox rows, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>One outbox row (with its ETag), or null.</summary>
    Task<OutboxEntry?> GetOutboxEntryAsync(string caseId, string outboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an outbox row if its ETag still matches, writing the timeline row <paramref name="timeline"/>
    /// at <paramref name="seq"/> in the same transaction; returns the row with its new ETag.
    /// </summary>
    /// <exception cref="CaseConcurrencyException">The row changed meanwhile.</exception>
    Task<OutboxEntry> UpdateOutboxAsync(OutboxEntry entry, long seq, TimelineEntry? timeline, CancellationToken cancellationToken);

    /// <summary>Deletes a case's rows (after its instance is purged).</summary>
    Task DeleteAsync(string caseId, CancellationToken cancellationToken);
}
