using System.Globalization;
using Collections.Domain.Cases;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Projections;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Outbox rows as the recorded orchestration decided them. The Azure Storage backend sends an episode's activity
/// messages before it commits the episode's history, so a worker killed in between leaves a <c>SaveCase</c> of a
/// decision that was never recorded; the episode then runs again later, and the ladder's catch-up may decide another
/// step in the same transition (a FinalNotice instead of a Demand, or a deferral). Outbox ids are stable per
/// transition and notice (<c>o|version|n</c>), and the first write of a row wins, so the row can hold that discarded
/// decision. A notice request comes only from recorded history, so it is the truth about its row.
/// </summary>
internal static class OutboxRows
{
    /// <summary>Why a row of a discarded run is cancelled.</summary>
    public const string Superseded = "superseded: decided by a run of the case that a crash discarded before it was recorded";

    /// <summary>
    /// The row to send for <paramref name="input"/>: the stored row; rewritten to the request's notice when it still
    /// holds an unclaimed notice of a discarded run; written from the request when its save has not run yet. Null when
    /// a duplicate run of the activity rewrote it first.
    /// </summary>
    public static async Task<OutboxEntry?> ForRequestAsync(ICaseProjectionStore store, CaseState state, SendNoticeRequest input, CancellationToken ct)
    {
        var notice = input.Notice;
        if (await store.GetOutboxEntryAsync(input.CaseId, notice.OutboxId, ct) is not { } entry)
        {
            // A discarded run's save answered for this one, which has not run yet: the row comes from the request.
            await store.SaveAsync(state, input.TimelineSeq, [], [From(input.CaseId, notice, state.Version)], ct);
            return await store.GetOutboxEntryAsync(input.CaseId, notice.OutboxId, ct)
                ?? throw new InvalidOperationException($"Outbox row {notice.OutboxId} of case {input.CaseId} could not be written.");
        }

        if (entry.Status != OutboxStatus.Pending || entry.Attempts > 0 || Matches(entry, notice))
        {
            return entry;
        }

        try
        {
            return await store.UpdateOutboxAsync(entry with { Kind = notice.Kind, DueAt = notice.At, Context = notice.Context }, input.TimelineSeq, null, ct);
        }
        catch (CaseConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>The row of a notice decided by the transition that made <paramref name="version"/>.</summary>
    public static OutboxEntry From(string caseId, PendingNotice notice, long version) =>
        new(caseId, notice.OutboxId, notice.Kind, notice.At, version) { Context = notice.Context };

    /// <summary>
    /// Why a Demand is not sent, or null: its payment deadline (the step's date + the policy's payment days, the date
    /// its letter would state) is on or before the day it would now go out, so it would ask for payment by a past date.
    /// </summary>
    public static string? LateDemand(CaseState state, OutboxEntry entry, DateTimeOffset now, DunningPolicy policy)
    {
        if (entry.Kind != NoticeKind.Demand || CaseDeadlines.Demand(state, policy) is not { } deadline || state.Contact is not { } contact)
        {
            return null;
        }

        var today = SendClock.For(policy, contact.TimeZoneId, contact.Country).LocalDate(now);
        return deadline > today
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"late: the Demand's payment deadline {deadline:yyyy-MM-dd} had passed when it could be sent ({today:yyyy-MM-dd}); the ladder's next step follows");
    }

    /// <summary>
    /// Rows of discarded runs that no recorded notice will ever claim: unclaimed, decided by a transition before this
    /// <paramref name="state"/>'s (a discarded run's save may still follow the recorded one of its own transition, so
    /// that transition's rows are left alone), and not waiting in the orchestration.
    /// </summary>
    public static IEnumerable<OutboxEntry> Orphans(IEnumerable<OutboxEntry> rows, CaseState state, IReadOnlyCollection<string> waiting)
    {
        var live = new HashSet<string>(waiting, StringComparer.Ordinal);
        return rows.Where(r => r.Status == OutboxStatus.Pending && r.Attempts == 0 && r.CreatedAtVersion < state.Version && !live.Contains(r.Id));
    }

    private static bool Matches(OutboxEntry entry, PendingNotice notice) =>
        entry.Kind == notice.Kind
        && entry.DueAt == notice.At
        && (entry.Context ?? new Dictionary<string, string>(StringComparer.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .SequenceEqual((notice.Context ?? new Dictionary<string, string>(StringComparer.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal));
}
