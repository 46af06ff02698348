using System.Runtime.CompilerServices;
using Collections.Domain.Cases;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Projections;

/// <summary>The case projection in memory (simulation and tests), with the table store's semantics.</summary>
public sealed class InMemoryCaseProjectionStore : ICaseProjectionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CaseState> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, TimelineEntry>> _timelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, OutboxEntry>> _outboxes = new(StringComparer.Ordinal);
    private long _etag;

    /// <summary>Every case, in no particular order.</summary>
    public IReadOnlyList<CaseState> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _cases.Values];
            }
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(CaseState state, long firstSeq, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<OutboxEntry> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            var rows = Outbox(state.CaseId);
            foreach (var entry in outbox)
            {
                rows.TryAdd(entry.Id, entry with { ETag = NextETag() });
            }

            var entries = Timeline(state.CaseId);
            for (var i = 0; i < timeline.Count; i++)
            {
                entries[firstSeq + i] = timeline[i];
            }

            if (!_cases.TryGetValue(state.CaseId, out var stored) || stored.Version <= state.Version)
            {
                _cases[state.CaseId] = state;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CaseState?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_cases.GetValueOrDefault(caseId));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CaseState> ListAsync(CaseListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await Task.CompletedTask;
        foreach (var state in All.Where(s =>
            (filter.Statuses is not { Count: > 0 } || filter.Statuses.Contains(s.Status))
            && (filter.Entity is null || string.Equals(filter.Entity, s.Account.Entity, StringComparison.Ordinal))
            && (filter.NextActionFrom is null || s.Next?.At >= filter.NextActionFrom)
            && (filter.NextActionBefore is null || s.Next?.At < filter.NextActionBefore)
            && (filter.ClosedBefore is null || s.ClosedAt < filter.ClosedBefore)))
        {
            yield return state;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TimelineEntry>>([.. Timeline(caseId).Values]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Outbox(caseId).Values]);
        }
    }

    /// <inheritdoc />
    public Task<OutboxEntry?> GetOutboxEntryAsync(string caseId, string outboxId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Outbox(caseId).GetValueOrDefault(outboxId));
        }
    }

    /// <inheritdoc />
    public Task<OutboxEntry> UpdateOutboxAsync(OutboxEntry entry, long seq, TimelineEntry? timeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var rows = Outbox(entry.CaseId);
            if (!rows.TryGetValue(entry.Id, out var stored) || (entry.ETag is not null && !string.Equals(stored.ETag, entry.ETag, StringComparison.Ordinal)))
            {
                throw new CaseConcurrencyException(entry.CaseId);
            }

            var updated = entry with { ETag = NextETag() };
            rows[entry.Id] = updated;
            if (timeline is not null)
            {
                Timeline(entry.CaseId)[seq] = timeline;
            }

            return Task.FromResult(updated);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _cases.Remove(caseId);
            _timelines.Remove(caseId);
            _outboxes.Remove(caseId);
        }

        return Task.CompletedTask;
    }

    private SortedDictionary<long, TimelineEntry> Timeline(string caseId) =>
        _timelines.TryGetValue(caseId, out var t) ? t : _timelines[caseId] = [];

    private SortedDictionary<string, OutboxEntry> Outbox(string caseId) =>
        _outboxes.TryGetValue(caseId, out var o) ? o : _outboxes[caseId] = new SortedDictionary<string, OutboxEntry>(StringComparer.Ordinal);

    private string NextETag() => (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
