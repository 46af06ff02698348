using System.Globalization;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Pipeline.Diagnostics;
using Collections.Pipeline.Ingest.Apply;
using Microsoft.Extensions.Logging;

namespace Collections.Pipeline.Cases;

/// <summary>
/// Runs the domain state machine durably: loads a case, applies an event, commits the new state with its
/// timeline and outbox rows in one conditional transaction (reloading and deciding again on a conflict),
/// then arms the durable timer and schedules the outbox. Everything reads time from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class CaseEngine : ICaseSignals
{
    private const int MaxConflictRetries = 8;
    private static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7);

    private readonly ICaseStore _cases;
    private readonly IAccountStore _accounts;
    private readonly IScheduledQueue _timers;
    private readonly IScheduledQueue _outbox;
    private readonly DunningPolicy _policy;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly ILogger<CaseEngine> _logger;

    /// <summary>Creates the engine.</summary>
    public CaseEngine(
        ICaseStore cases,
        IAccountStore accounts,
        IScheduledQueue timers,
        IScheduledQueue outbox,
        DunningPolicy policy,
        TimeProvider time,
        EngineOptions options,
        ILogger<CaseEngine> logger)
    {
        _cases = cases;
        _accounts = accounts;
        _timers = timers;
        _outbox = outbox;
        _policy = policy;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>The policy in force.</summary>
    public DunningPolicy Policy => _policy;

    /// <summary>Raises an event on a case (operator actions, failures, retries).</summary>
    public async Task<CaseCommandResult> RaiseAsync(string caseId, CaseEvent evt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await _cases.GetAsync(caseId, cancellationToken);
            if (stored is null)
            {
                return new CaseCommandResult(null, $"case {caseId} not found", NotFound: true);
            }

            var now = _time.GetUtcNow();
            var transition = CaseMachine.Apply(stored.State, evt, now, _policy);
            if (!transition.Accepted)
            {
                return new CaseCommandResult(stored.State, transition.Rejection);
            }

            if (transition.NoChange is not null)
            {
                // The case already is what the event asks for: nothing to commit, no notice.
                return new CaseCommandResult(stored.State, null) { NoChange = transition.NoChange };
            }

            try
            {
                await CommitAsync(stored.State, stored.ETag, transition, cancellationToken);
                if (transition.Effects.OfType<CloseCase>().Any())
                {
                    await ReleaseAccountAsync(transition.State, cancellationToken);
                }

                return new CaseCommandResult(transition.State, null);
            }
            catch (CaseConcurrencyException) when (attempt < MaxConflictRetries)
            {
                LogConflict(caseId, attempt);
            }
        }
    }

    /// <summary>
    /// Handles a durable timer. A timer armed for an older version is dropped; one that arrives before its
    /// instant (a wait longer than the queue's 7 days) is chained with the remaining delay.
    /// </summary>
    public async Task HandleTimerAsync(TimerMessage timer, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (timer.DueAt > now + TimeSpan.FromSeconds(1))
        {
            await _timers.ScheduleAsync(timer.ToJson(), Cap(timer.DueAt, now), cancellationToken);
            LogTimerChained(timer.CaseId, timer.DueAt);
            return;
        }

        using var activity = CollectionsTelemetry.ActivitySource.StartActivity("case timer");
        activity?.SetTag("collections.case_id", timer.CaseId);
        CollectionsTelemetry.RecordTimerLag(now - timer.DueAt);

        for (var attempt = 0; ; attempt++)
        {
            var stored = await _cases.GetAsync(timer.CaseId, cancellationToken);
            if (stored is null || stored.State.Version != timer.Version)
            {
                LogTimerStale(timer.CaseId, timer.Version, stored?.State.Version ?? -1);
                return;
            }

            var transition = CaseMachine.Apply(stored.State, new TimerDue { Actor = "system" }, _time.GetUtcNow(), _policy);
            if (!transition.Accepted)
            {
                LogTimerRejected(timer.CaseId, transition.Rejection!);
                return;
            }

            try
            {
                await CommitAsync(stored.State, stored.ETag, transition, cancellationToken);
                return;
            }
            catch (CaseConcurrencyException) when (attempt < MaxConflictRetries)
            {
                LogConflict(timer.CaseId, attempt);
            }
        }
    }

    /// <summary>
    /// Applies one account's snapshot: to its running case, or by opening a new case when the account owes
    /// something. Idempotent: running it again for the same file changes nothing.
    /// </summary>
    public async Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ApplySnapshotOnceAsync(account, source, cancellationToken);
            }
            catch (CaseConcurrencyException) when (attempt < MaxConflictRetries)
            {
                LogConflict(account.Key.ToString(), attempt);
            }
        }
    }

    /// <inheritdoc />
    public async Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (await DecideAsync(account, record, source, cancellationToken)).Record;
            }
            catch (CaseConcurrencyException) when (attempt < MaxConflictRetries)
            {
                LogConflict(account.Key.ToString(), attempt);
                record = await _accounts.GetAsync(account.Key.Entity, account.Key.CustomerId, cancellationToken)
                    ?? new AccountRecord(account.Key.Entity, account.Key.CustomerId);
            }
        }
    }

    /// <summary>
    /// Accounts of the entity with a running case that a newer snapshot no longer lists have nothing open:
    /// apply an empty snapshot to each, which resolves their cases.
    /// </summary>
    public async Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken)
    {
        var settled = 0;
        await foreach (var record in _accounts.ListActiveAsync(entity, cancellationToken))
        {
            if (presentCustomerIds.Contains(record.CustomerId) || record.ActiveCaseId is null)
            {
                continue;
            }

            var stored = await _cases.GetAsync(record.ActiveCaseId, cancellationToken);
            if (stored?.State.Contact is not { } contact)
            {
                continue;
            }

            var empty = new CustomerAccount(stored.State.Account, stored.State.CustomerName, contact, []);
            await ApplySnapshotAsync(empty, source, cancellationToken);
            settled++;
        }

        return settled;
    }

    /// <summary>
    /// Re-arms what an outage or a lost message left behind: active cases whose next action is past get a
    /// fresh timer for their current version (catch-up then applies), and outbox rows that should have gone
    /// are scheduled again.
    /// </summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var rearmed = 0;
        var requeued = 0;
        var filter = new CaseListFilter
        {
            Statuses = new HashSet<RuntimeStatus> { RuntimeStatus.Pending, RuntimeStatus.Running, RuntimeStatus.Suspended },
            NextActionBefore = now - _options.SweepGrace,
        };
        await foreach (var stored in _cases.ListAsync(filter, cancellationToken))
        {
            if (stored.State.Next is { } next)
            {
                await ArmAsync(stored.State.CaseId, stored.State.Version, next.At, cancellationToken);
                rearmed++;
            }
        }

        await foreach (var entry in _cases.ListUnfinishedOutboxAsync(now - _options.SweepGrace, cancellationToken))
        {
            if (entry.Status == OutboxStatus.Sending && entry.SentAt is null && entry.DueAt > now - _options.SendingTimeout)
            {
                continue;
            }

            await _outbox.ScheduleAsync(new OutboxMessage(entry.CaseId, entry.Id).ToJson(), now, cancellationToken);
            requeued++;
        }

        if (rearmed + requeued > 0)
        {
            LogSwept(rearmed, requeued);
        }

        return new SweepResult(rearmed, requeued);
    }

    /// <summary>Retries a failed case: clears the failure, re-arms its timer and re-schedules its unfinished notices.</summary>
    public async Task<CaseCommandResult> RetryAsync(string caseId, string? actor, CancellationToken cancellationToken)
    {
        var result = await RaiseAsync(caseId, new RetryRequested { Actor = actor }, cancellationToken);
        if (!result.Accepted)
        {
            return result;
        }

        var now = _time.GetUtcNow();
        foreach (var entry in await _cases.GetOutboxAsync(caseId, cancellationToken))
        {
            if (entry.Status is OutboxStatus.Pending or OutboxStatus.Sending)
            {
                var reset = entry with { Status = OutboxStatus.Pending };
                if (entry.Status == OutboxStatus.Sending)
                {
                    await _cases.UpdateOutboxAsync(reset, null, cancellationToken);
                }

                await _outbox.ScheduleAsync(new OutboxMessage(caseId, entry.Id).ToJson(), entry.DueAt > now ? entry.DueAt : now, cancellationToken);
            }
        }

        return result;
    }

    /// <summary>Marks a case Failed after a message about it failed too often (poison).</summary>
    public async Task MarkFailedAsync(string caseId, string error, CancellationToken cancellationToken)
    {
        var result = await RaiseAsync(caseId, new ProcessingFailed(error) { Actor = "system" }, cancellationToken);
        if (result.Accepted)
        {
            LogCaseFailed(caseId);
        }
    }

    /// <summary>Deletes closed cases that closed more than <paramref name="olderThan"/> ago; returns how many.</summary>
    public async Task<int> PurgeAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var before = _time.GetUtcNow() - olderThan;
        var filter = new CaseListFilter { Statuses = new HashSet<RuntimeStatus> { RuntimeStatus.Completed, RuntimeStatus.Terminated }, ClosedBefore = before };
        var ids = new List<string>();
        await foreach (var stored in _cases.ListAsync(filter, cancellationToken))
        {
            ids.Add(stored.State.CaseId);
        }

        foreach (var id in ids)
        {
            await _cases.DeleteAsync(id, cancellationToken);
        }

        return ids.Count;
    }

    private async Task<SnapshotOutcome> ApplySnapshotOnceAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken)
    {
        var record = await _accounts.GetAsync(account.Key.Entity, account.Key.CustomerId, cancellationToken)
            ?? new AccountRecord(account.Key.Entity, account.Key.CustomerId);
        var (outcome, next) = await DecideAsync(account, record, source, cancellationToken);
        if (outcome != SnapshotOutcome.AlreadyApplied)
        {
            await _accounts.SaveAsync(next, cancellationToken);
        }

        return outcome;
    }

    private async Task<(SnapshotOutcome Outcome, AccountRecord Record)> DecideAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
    {
        if (string.Equals(record.LastSha256, source.Sha256, StringComparison.Ordinal))
        {
            return (SnapshotOutcome.AlreadyApplied, record);
        }

        var evt = new SnapshotApplied(source.AsOf, account.CustomerName, account.Contact, account.Items, source.FileName, source.Sha256) { Actor = "ledger" };
        var now = Later(_time.GetUtcNow(), source.EffectiveAt);
        var outcome = SnapshotOutcome.NothingOwed;
        var active = record.ActiveCaseId;
        if (active is not null)
        {
            var stored = await _cases.GetAsync(active, cancellationToken);
            if (stored is not null && !stored.State.IsClosed)
            {
                if (!string.Equals(stored.State.LastSnapshotSha256, source.Sha256, StringComparison.Ordinal))
                {
                    var transition = CaseMachine.Apply(stored.State, evt, now, _policy);
                    if (!transition.Accepted)
                    {
                        throw new InvalidOperationException($"Snapshot {source.FileName} could not be applied to case {active}: {transition.Rejection}");
                    }

                    await CommitAsync(stored.State, stored.ETag, transition, cancellationToken);
                    stored = stored with { State = transition.State };
                }

                outcome = stored.State.IsClosed ? SnapshotOutcome.Resolved : SnapshotOutcome.Applied;
                active = stored.State.IsClosed ? null : active;
            }
            else
            {
                active = null;
            }
        }

        var episode = record.Episode;
        var balance = AccountBalance.Compute(account.Items, source.AsOf);
        if (active is null && (balance.HasDebt || balance.HasOverdue))
        {
            (episode, active) = await OpenAsync(account, episode, evt, now, cancellationToken);
            if (episode > record.Episode && outcome != SnapshotOutcome.Resolved)
            {
                outcome = SnapshotOutcome.Opened;
            }
        }

        return (outcome, record with { ActiveCaseId = active, Episode = episode, LastSha256 = source.Sha256, LastAsOf = source.AsOf });
    }

    /// <summary>
    /// Opens the next episode's case. It is inserted without reading first (on a new store that read always
    /// misses); a conflict means a previous run opened it and crashed before recording it: adopt it.
    /// </summary>
    private async Task<(int Episode, string? Active)> OpenAsync(CustomerAccount account, int episode, SnapshotApplied evt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseId = CaseIds.For(account.Key, episode + 1);

        // The machine can still refuse to open (e.g. an unknown time zone); then no episode is counted.
        var fresh = CaseState.New(caseId, account.Key, now);
        var transition = CaseMachine.Apply(fresh, evt, now, _policy);
        if (!transition.Accepted)
        {
            return (episode, null);
        }

        try
        {
            await CommitAsync(fresh, null, transition, cancellationToken);
            LogCaseOpened(caseId, episode + 1);
            return (episode + 1, caseId);
        }
        catch (CaseConcurrencyException ex)
        {
            var existing = await _cases.GetAsync(caseId, cancellationToken) ?? throw new InvalidOperationException($"Case {caseId} conflicted on insert but does not exist.", ex);
            return (episode + 1, existing.State.IsClosed ? null : caseId);
        }
    }

    private async Task CommitAsync(CaseState before, string? etag, CaseTransition transition, CancellationToken cancellationToken)
    {
        var state = transition.State;
        var outbox = new List<OutboxEntry>();
        var seq = 0;
        foreach (var send in transition.Effects.OfType<SendNotice>())
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"o|{state.Version:D12}|{seq++:D2}");
            outbox.Add(new OutboxEntry(state.CaseId, id, send.Kind, send.At, state.Version) { Context = ContextFor(send.Kind, transition) });
        }

        await _cases.CommitAsync(new CaseCommit(state, before.Version == 0 ? null : etag, transition.Timeline.ToList(), outbox), cancellationToken);

        // After the commit: the timer and the outbox messages. If the process dies here, the sweeper re-arms both.
        foreach (var arm in transition.Effects.OfType<ArmTimer>())
        {
            await ArmAsync(state.CaseId, state.Version, arm.At, cancellationToken);
        }

        foreach (var entry in outbox)
        {
            await _outbox.ScheduleAsync(new OutboxMessage(entry.CaseId, entry.Id).ToJson(), entry.DueAt, cancellationToken);
        }

        CollectionsTelemetry.RecordTransition(state.Stage, state.Status);
        LogTransition(state.CaseId, state.Version, state.Stage, state.Status);
    }

    private Task ArmAsync(string caseId, long version, DateTimeOffset at, CancellationToken cancellationToken) =>
        _timers.ScheduleAsync(new TimerMessage(caseId, version, at).ToJson(), Cap(at, _time.GetUtcNow()), cancellationToken);

    private async Task ReleaseAccountAsync(CaseState state, CancellationToken cancellationToken)
    {
        var record = await _accounts.GetAsync(state.Account.Entity, state.Account.CustomerId, cancellationToken);
        if (record is not null && string.Equals(record.ActiveCaseId, state.CaseId, StringComparison.Ordinal))
        {
            try
            {
                await _accounts.SaveAsync(record with { ActiveCaseId = null }, cancellationToken);
            }
            catch (CaseConcurrencyException)
            {
                // A snapshot moved the account on meanwhile; the next one finds the case closed and releases it.
            }
        }
    }

    private static Dictionary<string, string>? ContextFor(NoticeKind kind, CaseTransition transition)
    {
        if (kind != NoticeKind.DisputeAcknowledgement)
        {
            return null;
        }

        var disputed = transition.Timeline.LastOrDefault(e => e.Type == TimelineType.Disputed);
        return disputed is null
            ? null
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["invoiceIds"] = disputed.Data?["invoiceIds"] ?? "", ["reason"] = disputed.Reason ?? "" };
    }

    private static DateTimeOffset Cap(DateTimeOffset at, DateTimeOffset now) => at - now > MaxQueueDelay ? now + MaxQueueDelay : at;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Case {CaseId} is at version {Version}: stage {Stage}, status {Status}")]
    private partial void LogTransition(string caseId, long version, CaseStage stage, RuntimeStatus status);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Opened case {CaseId} (episode {Episode})")]
    private partial void LogCaseOpened(string caseId, int episode);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Case {CaseId} changed concurrently (attempt {Attempt}); deciding again")]
    private partial void LogConflict(string caseId, int attempt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Timer for case {CaseId} chained until {DueAt}")]
    private partial void LogTimerChained(string caseId, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Dropped stale timer for case {CaseId}: armed for version {Armed}, case is at {Current}")]
    private partial void LogTimerStale(string caseId, long armed, long current);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Timer for case {CaseId} not applied: {Reason}")]
    private partial void LogTimerRejected(string caseId, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Sweeper re-armed {Timers} timers and re-queued {Notices} notices")]
    private partial void LogSwept(int timers, int notices);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Case {CaseId} marked Failed after repeated processing failures")]
    private partial void LogCaseFailed(string caseId);
}
