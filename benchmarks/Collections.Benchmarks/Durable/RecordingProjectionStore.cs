using Collections.Domain.Cases;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Projections;

namespace Collections.Benchmarks.Durable;

/// <summary>The product's projection store, telling a <see cref="FirstSaveRecorder"/> about each save once it succeeded.</summary>
internal sealed class RecordingProjectionStore(ICaseProjectionStore inner, FirstSaveRecorder recorder) : ICaseProjectionStore
{
    public async Task SaveAsync(CaseState state, long firstSeq, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<OutboxEntry> outbox, CancellationToken cancellationToken)
    {
        await inner.SaveAsync(state, firstSeq, timeline, outbox, cancellationToken);
        recorder.Saved(state.CaseId, state.Account.CustomerId);
    }

    public Task<CaseState?> GetAsync(string caseId, CancellationToken cancellationToken) => inner.GetAsync(caseId, cancellationToken);

    public IAsyncEnumerable<CaseState> ListAsync(CaseListFilter filter, CancellationToken cancellationToken) => inner.ListAsync(filter, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken) => inner.GetTimelineAsync(caseId, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(string caseId, CancellationToken cancellationToken) => inner.GetOutboxAsync(caseId, cancellationToken);

    public Task<OutboxEntry?> GetOutboxEntryAsync(string caseId, string outboxId, CancellationToken cancellationToken) => inner.GetOutboxEntryAsync(caseId, outboxId, cancellationToken);

    public Task<OutboxEntry> UpdateOutboxAsync(OutboxEntry entry, long seq, TimelineEntry? timeline, CancellationToken cancellationToken) => inner.UpdateOutboxAsync(entry, seq, timeline, cancellationToken);

    public Task DeleteAsync(string caseId, CancellationToken cancellationToken) => inner.DeleteAsync(caseId, cancellationToken);
}
