using System.Collections.Immutable;
using System.Globalization;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Policy;

namespace Collections.Domain.Cases;

/// <summary>
/// The case state machine: a pure function <c>(state, event, now, policy) -&gt; (state, effects)</c>.
/// Nothing here reads a clock or touches I/O; the engine persists the new state and executes the
/// effects (send notices, arm the durable timer, close the case) in one transaction.
/// </summary>
public static class CaseMachine
{
    /// <summary>
    /// Applies an event. A rejected event leaves the state unchanged and says why; an event that would change
    /// nothing (<see cref="CaseNoOps"/>) is accepted with the state unchanged, no effects and <see cref="CaseTransition.NoChange"/> saying why.
    /// </summary>
    public static CaseTransition Apply(CaseState state, CaseEvent evt, DateTimeOffset now, DunningPolicy policy)
    {
        if (state.Version == 0 && evt is not SnapshotApplied)
        {
            return Reject(state, "the case has not been opened by a ledger snapshot yet");
        }

        if (CaseNoOps.Describe(state, evt) is { } unchanged)
        {
            return new CaseTransition(state, []) { NoChange = unchanged };
        }

        if (state.IsClosed)
        {
            return Reject(state, $"the case is closed ({state.Status}); a new overdue episode opens a new case");
        }

        var b = new CaseBuilder(state, now, policy, evt.Actor);
        var rejection = evt switch
        {
            SnapshotApplied e => CaseHandlers.Snapshot(b, e),
            TimerDue => CaseHandlers.Timer(b),
            PromiseMade e => CaseHandlers.Promise(b, e),
            DisputeRaised e => CaseHandlers.Dispute(b, e),
            DisputeSettled e => CaseHandlers.SettleDispute(b, e),
            PauseRequested e => CaseHandlers.Pause(b, e),
            ResumeRequested => CaseHandlers.Resume(b),
            EscalateNowRequested e => CaseHandlers.EscalateNow(b, e),
            EscalationApproved => CaseHandlers.Decide(b, approved: true, null),
            EscalationRejected e => CaseHandlers.Decide(b, approved: false, e.Reason),
            WriteOffRequested e => CaseHandlers.WriteOff(b, e),
            TerminateRequested e => CaseHandlers.Terminate(b, e),
            DoNotContactChanged e => CaseHandlers.DoNotContact(b, e),
            ProcessingFailed e => CaseHandlers.Fail(b, e),
            RetryRequested => CaseHandlers.Retry(b),
            _ => $"unknown event {evt.GetType().Name}",
        };

        if (rejection is not null)
        {
            return Reject(state, rejection);
        }

        CasePlanner.Replan(b);
        var final = b.S with { Version = state.Version + 1, LastUpdatedAt = now };
        return new CaseTransition(final, b.Effects);
    }

    private static CaseTransition Reject(CaseState state, string why) => new(state, [], why);
}

/// <summary>One handler per event; each returns a rejection message or null.</summary>
internal static class CaseHandlers
{
    private const string System = "system";

    public static string? Snapshot(CaseBuilder b, SnapshotApplied e)
    {
        var s = b.S;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(e.Contact.TimeZoneId, out _))
        {
            return $"unknown time zone '{e.Contact.TimeZoneId}'";
        }

        var opening = s.Version == 0;
        if (!opening && e.AsOf < s.AsOf)
        {
            return $"stale snapshot: as of {e.AsOf:yyyy-MM-dd} is older than the applied {s.AsOf:yyyy-MM-dd}";
        }

        if (!opening && string.Equals(s.LastSnapshotSha256, e.Sha256, StringComparison.Ordinal))
        {
            return $"snapshot {e.Sha256} is already applied";
        }

        var previous = s.Items;
        b.S = s with { Items = [.. e.Items], AsOf = e.AsOf, Contact = e.Contact, CustomerName = e.CustomerName, LastSnapshotSha256 = e.Sha256 };
        var balance = b.Balance();
        if (opening)
        {
            if (!balance.HasDebt && !balance.HasOverdue)
            {
                return "nothing is owed on the account: no case is opened";
            }

            b.Timeline(TimelineType.CaseOpened, data: Data(("file", e.FileName), ("sha256", e.Sha256), ("asOf", Date(e.AsOf)), ("items", Num(e.Items.Count))));
        }

        LedgerDiff.Record(b, previous, e.Items, e.FileName, e.Sha256);

        if (b.S.Promise is { Kept: false } promise
            && promise.BaselineOverdue - balance.OverdueIn(promise.Amount.Currency) >= promise.Amount.Amount)
        {
            b.S = b.S with { Promise = promise with { Kept = true }, PromisesKept = b.S.PromisesKept + 1 };
            b.Timeline(TimelineType.PromiseKept, data: PromiseData(promise));
        }

        b.S = b.S with { WasOverdue = b.S.WasOverdue || balance.HasOverdue };
        var settled = b.S.WasOverdue
            ? !balance.HasOverdue && !b.BalanceIgnoringCaseDisputes().HasOverdue
            : !balance.HasDebt;
        if (settled && !opening)
        {
            Resolve(b, sendReceipt: b.S.WasOverdue);
        }

        return null;
    }

    public static string? Timer(CaseBuilder b)
    {
        if (b.S.FailureReason is not null)
        {
            return "the case has failed; retry it first";
        }

        if (b.S.Pause?.Until is { } until && until <= b.Now)
        {
            b.S = b.S with { Pause = null };
            b.Timeline(TimelineType.Resumed, reason: "pause ended", actor: System);
        }

        if (b.S.Promise is { } promise && promise.EndsAt <= b.Now)
        {
            if (!promise.Kept)
            {
                b.S = b.S with { PromisesBroken = b.S.PromisesBroken + 1 };
                b.Timeline(TimelineType.PromiseBroken, data: PromiseData(promise), actor: System);
            }

            b.S = b.S with { Promise = null };
        }

        if (b.S.Approval is { Decision: ApprovalDecision.Pending, ReminderSent: false } approval
            && CasePlanner.ApprovalReminderAt(b, approval) <= b.Now)
        {
            b.S = b.S with { Approval = approval with { ReminderSent = true } };
            b.Emit(new SendNotice(NoticeKind.ApprovalReminder, b.Now));
        }

        CreditHoldRule.PlaceIfDue(b);
        var decision = CasePlanner.DecideLadder(b);
        if (decision is null || decision.Blocked is not null)
        {
            return null;
        }

        b.RefreshDisputeHold();
        var hold = CasePlanner.HoldReason(b.S);
        if (hold is not null)
        {
            if (decision.Natural <= b.Now)
            {
                CasePlanner.RecordDeferral(b, decision.Stage, hold, null);
            }
        }
        else if (decision.FireAt <= b.Now)
        {
            TakeStep(b, decision.Stage);
        }

        return null;
    }

    public static string? Promise(CaseBuilder b, PromiseMade e)
    {
        var balance = b.Balance();
        var today = b.Today;
        var max = b.Policy.Timings.PromiseMaxDaysAhead;
        if (!balance.HasOverdue)
        {
            return "a promise to pay is recorded against an overdue balance, and nothing is overdue";
        }

        if (e.Amount.Amount <= 0m)
        {
            return "the promised amount must be positive";
        }

        if (balance.Balances.All(x => x.Currency != e.Amount.Currency))
        {
            return $"the account has no items in {e.Amount.Currency.Code}";
        }

        if (e.PromisedDate < today || e.PromisedDate > today.AddDays(max))
        {
            return $"the promised date {Date(e.PromisedDate)} must be between {Date(today)} and {Date(today.AddDays(max))} (within {max} days)";
        }

        var endsAt = b.Clock.StartOfDay(e.PromisedDate.AddDays(1 + b.Policy.Timings.PromiseGraceDays));
        var superseded = b.S.Promise is { Kept: false };
        b.S = b.S with { Promise = new PromiseToPay(e.PromisedDate, e.Amount, b.Now, balance.OverdueIn(e.Amount.Currency), endsAt, Kept: false) };
        b.Timeline(TimelineType.PromiseRecorded, data: Data(
            ("promisedDate", Date(e.PromisedDate)), ("amount", e.Amount.ToInvariantString()), ("currency", e.Amount.Currency.Code),
            ("until", CaseBuilder.Iso(b.Clock.ToLocal(endsAt))), ("supersedesPrevious", superseded ? "true" : "false")));
        b.SendCourtesyNotice(NoticeKind.PromiseConfirmation);
        return null;
    }

    public static string? Dispute(CaseBuilder b, DisputeRaised e)
    {
        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return "a dispute needs a reason";
        }

        if (e.InvoiceIds.Count == 0)
        {
            return "a dispute names at least one invoice";
        }

        var open = b.S.Items.Where(i => i.OpenAmount > 0m).Select(i => i.InvoiceId).ToHashSet(StringComparer.Ordinal);
        var unknown = e.InvoiceIds.Where(id => !open.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            return $"no open invoice {string.Join(", ", unknown)} on this account";
        }

        var fresh = e.InvoiceIds.Where(id => !b.S.DisputedInvoiceIds.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
        {
            return "those invoices are already disputed";
        }

        b.S = b.S with { DisputedInvoiceIds = b.S.DisputedInvoiceIds.Union(fresh) };
        b.Timeline(TimelineType.Disputed, reason: e.Reason, data: Data(("invoiceIds", string.Join(";", fresh))));
        b.SendCourtesyNotice(NoticeKind.DisputeAcknowledgement);
        return null;
    }

    public static string? SettleDispute(CaseBuilder b, DisputeSettled e)
    {
        var notDisputed = e.InvoiceIds.Where(id => !b.S.DisputedInvoiceIds.Contains(id)).ToList();
        if (e.InvoiceIds.Count == 0 || notDisputed.Count > 0)
        {
            return e.InvoiceIds.Count == 0 ? "name the disputed invoices to resolve" : $"invoice {string.Join(", ", notDisputed)} is not disputed on this case";
        }

        b.S = b.S with { DisputedInvoiceIds = b.S.DisputedInvoiceIds.Except(e.InvoiceIds) };
        b.Timeline(TimelineType.DisputeResolved, reason: e.Resolution, data: Data(("invoiceIds", string.Join(";", e.InvoiceIds))));
        return null;
    }

    public static string? Pause(CaseBuilder b, PauseRequested e)
    {
        if (b.S.Pause is not null)
        {
            return "the case is already paused";
        }

        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return "a pause needs a reason";
        }

        if (e.Until is { } until && until <= b.Now)
        {
            return "a pause must end in the future";
        }

        b.S = b.S with { Pause = new ManualPause(e.Reason, b.Now, e.Until) };
        b.Timeline(TimelineType.Paused, reason: e.Reason, data: e.Until is { } u ? Data(("until", CaseBuilder.Iso(b.Clock.ToLocal(u)))) : null);
        return null;
    }

    public static string? Resume(CaseBuilder b)
    {
        if (b.S.Pause is null)
        {
            return "the case is not paused";
        }

        b.S = b.S with { Pause = null };
        b.Timeline(TimelineType.Resumed);
        return null;
    }

    public static string? EscalateNow(CaseBuilder b, EscalateNowRequested e)
    {
        if (b.S.Stage >= CaseStage.Escalated || b.S.EscalationRequested)
        {
            return b.S.EscalationRequested ? "escalation is already requested" : "the case is already escalated";
        }

        if (!b.Balance().HasOverdue)
        {
            return "nothing is overdue to escalate";
        }

        b.S = b.S with { EscalationRequested = true };
        b.Timeline(TimelineType.EscalationRequested, CaseStage.Escalated, reason: e.Reason);
        return null;
    }

    public static string? Decide(CaseBuilder b, bool approved, string? reason)
    {
        if (b.S.Approval is not { Decision: ApprovalDecision.Pending } approval)
        {
            return "no escalation awaits approval";
        }

        b.S = b.S with { Approval = approval with { Decision = approved ? ApprovalDecision.Approved : ApprovalDecision.Rejected } };
        b.Timeline(approved ? TimelineType.ApprovalGranted : TimelineType.ApprovalRejected, CaseStage.Escalated, reason: reason);
        return null;
    }

    public static string? WriteOff(CaseBuilder b, WriteOffRequested e)
    {
        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return "a write-off needs a reason";
        }

        var balance = b.Balance();
        var data = balance.Balances.Where(x => x.Open != 0m).ToDictionary(x => "open." + x.Currency.Code, x => x.Currency.FormatInvariant(x.Open), StringComparer.Ordinal);

        // The bad-debt rate counts only the overdue, undisputed part of what is written off (domain.md section 6).
        foreach (var x in balance.Balances.Where(x => x.Overdue > 0m))
        {
            data["overdue." + x.Currency.Code] = x.Currency.FormatInvariant(x.Overdue);
        }

        b.S = b.S with { Stage = CaseStage.WrittenOff, CloseReason = e.Reason, ClosedAt = b.Now, Pause = null, Promise = null };
        b.Timeline(TimelineType.WrittenOff, CaseStage.WrittenOff, reason: e.Reason, data: data);
        b.Emit(new CloseCase(CaseStage.WrittenOff, RuntimeStatus.Completed, e.Reason));
        return null;
    }

    public static string? Terminate(CaseBuilder b, TerminateRequested e)
    {
        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return "termination needs a reason";
        }

        b.S = b.S with { Terminated = true, CloseReason = e.Reason, ClosedAt = b.Now };
        b.Timeline(TimelineType.Terminated, reason: e.Reason);
        b.Emit(new CloseCase(null, RuntimeStatus.Terminated, e.Reason));
        return null;
    }

    public static string? DoNotContact(CaseBuilder b, DoNotContactChanged e)
    {
        if (b.S.DoNotContact == e.On)
        {
            return e.On ? "do-not-contact is already on" : "do-not-contact is already off";
        }

        b.S = b.S with { DoNotContact = e.On };
        b.Timeline(e.On ? TimelineType.DoNotContactOn : TimelineType.DoNotContactOff, reason: e.Reason);
        return null;
    }

    public static string? Fail(CaseBuilder b, ProcessingFailed e)
    {
        b.S = b.S with { FailureReason = e.Error };
        b.Timeline(TimelineType.Failed, reason: e.Error, actor: b.Actor ?? System);
        return null;
    }

    public static string? Retry(CaseBuilder b)
    {
        if (b.S.FailureReason is null)
        {
            return "the case has not failed";
        }

        b.S = b.S with { FailureReason = null };
        b.Timeline(TimelineType.Retried);
        return null;
    }

    private static void TakeStep(CaseBuilder b, CaseStage stage)
    {
        var s = b.S;
        if (stage == CaseStage.Escalated && !s.EscalationRequested && b.Policy.LadderFor(s.Contact!.Grade).EscalationRequiresApproval
            && s.Approval?.Decision != ApprovalDecision.Approved)
        {
            if (s.Approval is null)
            {
                b.S = s with { Approval = new EscalationApproval(b.Now, ApprovalDecision.Pending, ReminderSent: false) };
                b.Timeline(TimelineType.ApprovalRequested, CaseStage.Escalated, actor: System);
                b.Emit(new RequestApproval(b.Now));
            }

            return;
        }

        var kind = NoticeKinds.ForStage(stage);
        b.S = stage == CaseStage.PreDue
            ? s with { PreDueNoticeFor = b.Balance().EarliestUpcomingDueDate }
            : s with { Stage = stage, WasOverdue = true, LastDunningAt = b.Now };
        b.S = b.S with { StepsTaken = b.S.StepsTaken.SetItem(stage, b.Now), LastDeferral = null };
        if (b.S.DoNotContact)
        {
            b.Timeline(TimelineType.NoticeSuppressed, stage, kind, DeferralReasons.DoNotContact, actor: System);
        }
        else
        {
            b.Emit(new SendNotice(kind, b.Now));
        }

        if (stage == CaseStage.Escalated)
        {
            if (!b.S.CreditHold)
            {
                CreditHoldRule.Place(b, CreditHoldRule.Escalated);
            }

            b.S = b.S with { CreditHold = true, EscalationRequested = false };
            b.Timeline(TimelineType.Escalated, CaseStage.Escalated, actor: System);
            b.Emit(new SendNotice(NoticeKind.LegalHandoff, b.Now));
        }
    }

    private static void Resolve(CaseBuilder b, bool sendReceipt)
    {
        if (b.S.Promise is { Kept: false } promise)
        {
            b.S = b.S with { PromisesKept = b.S.PromisesKept + 1 };
            b.Timeline(TimelineType.PromiseKept, data: PromiseData(promise), actor: System);
        }

        b.S = b.S with { Stage = CaseStage.Resolved, CloseReason = "Paid", ClosedAt = b.Now, Promise = null, Pause = null };
        b.Timeline(TimelineType.Resolved, CaseStage.Resolved, actor: System);
        b.Emit(new CloseCase(CaseStage.Resolved, RuntimeStatus.Completed, "Paid"));
        if (sendReceipt && b.Policy.Timings.SendReceiptOnPayment)
        {
            b.SendCourtesyNotice(NoticeKind.Receipt);
        }
    }

    private static Dictionary<string, string> PromiseData(PromiseToPay promise) =>
        Data(("promisedDate", Date(promise.PromisedDate)), ("amount", promise.Amount.ToInvariantString()), ("currency", promise.Amount.Currency.Code));

    internal static Dictionary<string, string> Data(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
