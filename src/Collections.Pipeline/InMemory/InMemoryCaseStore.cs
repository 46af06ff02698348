using System.Globalization;
using System.Runtime.CompilerServices;
using Collections.Domain.Cases;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.InMemory;

/// <summary>
/// Cases in memory with the same semantics as <see cref="Storage.TableCaseStore"/> (ETag checks, atomic
/// commits). Used by the simulation and by unit tests; production uses table storage.
/// </summary>
public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Record> _cases = new(StringComparer.Ordinal);
    private long _etag;

    /// <inheritdoc />
    public Task<StoredCase?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_cases.TryGetValue(caseId, out var r) ? new StoredCase(r.State, r.ETag) : null);
        }
    }

    /// <inheritdoc />
    public Task<string> CommitAsync(CaseCommit commit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var exists = _cases.TryGetValue(commit.State.CaseId, out var record);
            if (commit.ExpectedETag is null ? exists : !exists || !string.Equals(record!.ETag, commit.ExpectedETag, StringComparison.Ordinal))
            {
                throw new CaseConcurrencyException(commit.State.CaseId);
            }

            record ??= new Record();
            record.State = commit.State;
            record.ETag = NextETag();
            record.Timeline.AddRange(commit.Timeline);
            foreach (var o in commit.Outbox)
            {
                record.Outbox[o.Id] = o with { ETag = NextETag() };
            }

            _cases[commit.State.CaseId] = record;
            return Task.FromResult(record.ETag);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TimelineEntry> list = _cases.TryGetValue(caseId, out var r)
                ? [.. r.Timeline.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e)]
                : [];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxEntry> list = _cases.TryGetValue(caseId, out var r) ? [.. r.Outbox.Values.OrderBy(o => o.Id, StringComparer.Ordinal)] : [];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<OutboxEntry?> GetOutboxEntryAsync(string caseId, string outboxId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_cases.TryGetValue(caseId, out var r) && r.Outbox.TryGetValue(outboxId, out var o) ? o : null);
        }
    }

    /// <inheritdoc />
    public Task<OutboxEntry> UpdateOutboxAsync(OutboxEntry entry, TimelineEntry? timeline, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_cases.TryGetValue(entry.CaseId, out var r) || !r.Outbox.TryGetValue(entry.Id, out var current)
                || (entry.ETag is not null && !string.Equals(current.ETag, entry.ETag, StringComparison.Ordinal)))
            {
                throw new CaseConcurrencyException(entry.CaseId);
            }

            var updated = entry with { ETag = NextETag() };
            r.Outbox[entry.Id] = updated;
            if (timeline is not null)
            {
                r.Timeline.Add(timeline);
            }

            return Task.FromResult(updated);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredCase> ListAsync(CaseListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<StoredCase> snapshot;
        lock (_gate)
        {
            snapshot = [.. _cases.Values.Select(r => new StoredCase(r.State, r.ETag))];
        }

        foreach (var c in snapshot.Where(c => Matches(c.State, filter)))
        {
            yield return c;
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<OutboxEntry> ListUnfinishedOutboxAsync(DateTimeOffset dueBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<OutboxEntry> snapshot;
        lock (_gate)
        {
            snapshot = [.. _cases.Values.SelectMany(r => r.Outbox.Values).Where(o => o.Status is OutboxStatus.Pending or OutboxStatus.Sending && o.DueAt < dueBefore)];
        }

        foreach (var o in snapshot)
        {
            yield return o;
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _cases.Remove(caseId);
        }

        return Task.CompletedTask;
    }

    private static bool Matches(CaseState s, CaseListFilter f) =>
        (f.Statuses is not { Count: > 0 } || f.Statuses.Contains(s.Status))
        && (f.Entity is null || string.Equals(s.Account.Entity, f.Entity, StringComparison.Ordinal))
        && (f.NextActionFrom is null || (s.Next is { } n1 && n1.At >= f.NextActionFrom))
        && (f.NextActionBefore is null || (s.Next is { } n2 && n2.At < f.NextActionBefore))
        && (f.ClosedBefore is null || (s.ClosedAt is { } c && c < f.ClosedBefore));

    private string NextETag() => "W/\"" + (++_etag).ToString(CultureInfo.InvariantCulture) + "\"";

    private sealed class Record
    {
        public CaseState State { get; set; } = null!;

        public string ETag { get; set; } = "";

        public List<TimelineEntry> Timeline { get; } = [];

        public Dictionary<string, OutboxEntry> Outbox { get; } = new(StringComparer.Ordinal);
    }
}
