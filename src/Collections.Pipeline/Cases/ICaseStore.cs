using Collections.Domain.Cases;

namespace Collections.Pipeline.Cases;

/// <summary>Persistence of cases: state, timeline and outbox of one case live together and change atomically.</summary>
public interface ICaseStore
{
    /// <summary>Loads a case, or null.</summary>
    Task<StoredCase?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Writes a transition atomically and returns the state's new ETag.</summary>
    /// <exception cref="CaseConcurrencyException">The ETag no longer matches, or the case already exists on insert.</exception>
    Task<string> CommitAsync(CaseCommit commit, CancellationToken cancellationToken);

    /// <summary>The case's timeline, oldest first.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The case's outbox rows, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>One outbox row, or null.</summary>
    Task<OutboxEntry?> GetOutboxEntryAsync(string caseId, string outboxId, CancellationToken cancellationToken);

    /// <summary>Replaces an outbox row if its ETag still matches, appending an optional timeline entry in the same transaction.</summary>
    /// <exception cref="CaseConcurrencyException">The row changed meanwhile.</exception>
    Task<OutboxEntry> UpdateOutboxAsync(OutboxEntry entry, TimelineEntry? timeline, CancellationToken cancellationToken);

    /// <summary>Cases matching a filter, in no particular order.</summary>
    IAsyncEnumerable<StoredCase> ListAsync(CaseListFilter filter, CancellationToken cancellationToken);

    /// <summary>Outbox rows still Pending or Sending that were due before an instant (for the sweeper).</summary>
    IAsyncEnumerable<OutboxEntry> ListUnfinishedOutboxAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken);

    /// <summary>Deletes a case with its timeline and outbox.</summary>
    Task DeleteAsync(string caseId, CancellationToken cancellationToken);
}
