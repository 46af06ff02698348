using Collections.Domain.Cases.Effects;
using Collections.Domain.Policy;

namespace Collections.Domain.Cases;

/// <summary>
/// The timing rules of domain.md section 4: which ladder step comes next and when, what wakes the
/// case, and which deferrals are recorded.
/// </summary>
internal static class CasePlanner
{
    /// <summary>The next ladder step (or pre-due notice) for the case, or null when there is none.</summary>
    public static LadderDecision? DecideLadder(CaseBuilder b)
    {
        var s = b.S;
        if (s.IsClosed || s.Contact is null || s.Stage >= CaseStage.Escalated)
        {
            return null;
        }

        var clock = b.Clock;
        var today = b.Today;
        var balance = b.Balance();
        if (!balance.HasOverdue && !s.DisputedInvoiceIds.IsEmpty && b.BalanceIgnoringCaseDisputes() is { HasOverdue: true } undisputed)
        {
            // Everything overdue is disputed: the ladder still runs for operators to see; the dispute hold keeps it from firing.
            balance = undisputed;
        }

        var timings = b.Policy.Timings;

        DateOnly anchor;
        if (balance.HasOverdue)
        {
            anchor = balance.OldestOverdueDueDate!.Value;
        }
        else if (balance.EarliestUpcomingDueDate is { } due && !s.EscalationRequested)
        {
            // Rule: pre-due only for accounts with nothing overdue, and only up to the due date itself.
            if (s.Stage == CaseStage.PreDue && timings.PreDueEnabled && !(s.PreDueNoticeFor >= due))
            {
                var preDueNatural = Max(b.Now, clock.WindowOpening(due.AddDays(-timings.PreDueDaysBefore)));
                var preDueFire = clock.NextSendInstant(preDueNatural);
                if (clock.LocalDate(preDueFire) <= due)
                {
                    return new LadderDecision(CaseStage.PreDue, preDueNatural, preDueFire, preDueFire > preDueNatural ? clock.WhyNotSendable(preDueNatural) : null);
                }
            }

            // Nothing overdue yet: project the ladder from the upcoming due date so the case wakes
            // when that item falls overdue; the balance is judged again then.
            anchor = due;
        }
        else
        {
            return null;
        }

        var ladder = b.Policy.LadderFor(s.Contact.Grade);
        CaseStage stage;
        DateTimeOffset natural;
        if (s.EscalationRequested)
        {
            stage = CaseStage.Escalated;
            natural = b.Now;
        }
        else
        {
            var candidates = ladder.Steps.Where(step => step.Stage > s.Stage).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            // Catch-up: of the steps already past, only the latest is taken, never a burst.
            var target = candidates.LastOrDefault(step => anchor.AddDays(step.DaysAfterAnchor) <= today) ?? candidates[0];
            if (target.Stage == CaseStage.Escalated && !s.StepsTaken.ContainsKey(CaseStage.FinalNotice))
            {
                // Escalation needs a final notice first; validation guarantees the ladder has one.
                target = ladder.Steps.Single(step => step.Stage == CaseStage.FinalNotice);
            }

            stage = target.Stage;
            natural = Max(b.Now, clock.WindowOpening(anchor.AddDays(target.DaysAfterAnchor)));
        }

        string? blocked = null;
        if (stage == CaseStage.Escalated && ladder.EscalationRequiresApproval && !s.EscalationRequested)
        {
            blocked = s.Approval?.Decision switch
            {
                ApprovalDecision.Pending => DeferralReasons.AwaitingApproval,
                ApprovalDecision.Rejected => DeferralReasons.EscalationRejected,
                _ => null,
            };
        }

        var earliest = natural;
        string? reason = null;
        if (stage == CaseStage.Escalated && !s.EscalationRequested
            && s.StepsTaken.TryGetValue(CaseStage.FinalNotice, out var finalNoticeAt)
            && finalNoticeAt.AddDays(timings.EscalationMinDaysAfterFinalNotice) > earliest)
        {
            earliest = finalNoticeAt.AddDays(timings.EscalationMinDaysAfterFinalNotice);
            reason = DeferralReasons.FinalNoticeFirst;
        }

        // The final notice told the debtor what follows only after its deadline: escalation waits for that day to pass.
        if (stage == CaseStage.Escalated && !s.EscalationRequested
            && CaseDeadlines.CreditHoldDue(s, b.Policy) is { } deadlinePassed && deadlinePassed > earliest)
        {
            earliest = deadlinePassed;
            reason = DeferralReasons.FinalNoticeFirst;
        }

        if (s.LastDunningAt is { } last && last.AddDays(timings.MinimumGapDays) > earliest)
        {
            earliest = last.AddDays(timings.MinimumGapDays);
            reason = DeferralReasons.MinimumGap;
        }

        var fire = clock.NextSendInstant(earliest);
        if (reason is null && fire > earliest)
        {
            reason = clock.WhyNotSendable(earliest);
        }

        return new LadderDecision(stage, natural, fire, reason, blocked);
    }

    /// <summary>Why the ladder is held, or null: pause, promise, dispute. An escalate-now request overrides holds.</summary>
    public static string? HoldReason(CaseState s) =>
        s.EscalationRequested ? null
        : s.Pause is not null ? DeferralReasons.Paused
        : s.Promise is not null ? DeferralReasons.PromisePending
        : s.DisputeHold ? DeferralReasons.Disputed
        : null;

    /// <summary>Recomputes derived holds, the planned step and the next wake-up, and arms the timer.</summary>
    public static void Replan(CaseBuilder b)
    {
        if (b.S.IsClosed || b.S.FailureReason is not null || b.S.Contact is null)
        {
            b.S = b.S with { Next = null, PlannedStep = null };
            return;
        }

        b.RefreshDisputeHold();
        var clock = b.Clock;
        var decision = DecideLadder(b);
        var hold = HoldReason(b.S);
        var wakeups = new List<NextAction>();
        if (decision is not null && decision.Blocked is null)
        {
            if (hold is null)
            {
                wakeups.Add(new NextAction(NextActionKind.LadderStep, decision.FireAt, decision.Stage));
                if (decision.Reason is not null)
                {
                    RecordDeferral(b, decision.Stage, decision.Reason, decision.FireAt);
                }
            }
            else if (decision.Natural > b.Now)
            {
                // Wake when the notice would have gone, to record that the hold deferred it.
                wakeups.Add(new NextAction(NextActionKind.LadderStep, decision.Natural, decision.Stage));
            }
        }

        if (CreditHoldRule.Due(b) is { } creditHoldDue)
        {
            wakeups.Add(new NextAction(NextActionKind.CreditHold, Max(creditHoldDue, b.Now)));
        }

        if (b.S.Pause?.Until is { } until)
        {
            wakeups.Add(new NextAction(NextActionKind.PauseEnds, until));
        }

        if (b.S.Promise is { } promise)
        {
            wakeups.Add(new NextAction(NextActionKind.PromiseDue, promise.EndsAt));
        }

        if (b.S.Approval is { Decision: ApprovalDecision.Pending, ReminderSent: false } approval)
        {
            wakeups.Add(new NextAction(NextActionKind.ApprovalReminder, ApprovalReminderAt(b, approval)));
        }

        var next = wakeups.OrderBy(w => w.At).FirstOrDefault();
        b.S = b.S with
        {
            Next = next is null ? null : next with { At = clock.ToLocal(next.At) },
            PlannedStep = decision is null || decision.Blocked is not null ? null : new PlannedStep(decision.Stage, clock.ToLocal(decision.FireAt)),
        };
        if (next is not null)
        {
            b.Emit(new ArmTimer(next.At));
        }
    }

    /// <summary>Records that a step goes out later than its day, once per step and instant.</summary>
    public static void RecordDeferral(CaseBuilder b, CaseStage stage, string reason, DateTimeOffset? until)
    {
        var key = until is { } u ? $"{stage}|{u.UtcTicks}" : $"{stage}|{reason}";
        if (string.Equals(b.S.LastDeferral, key, StringComparison.Ordinal))
        {
            return;
        }

        b.S = b.S with { LastDeferral = key };
        var data = until is { } at
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["until"] = CaseBuilder.Iso(b.Clock.ToLocal(at)) }
            : null;
        b.Timeline(TimelineType.NoticeDeferred, stage, NoticeKinds.ForStage(stage), reason, data, actor: "system");
    }

    /// <summary>When the supervisor is reminded: the same local time, the configured business days after the request.</summary>
    public static DateTimeOffset ApprovalReminderAt(CaseBuilder b, EscalationApproval approval)
    {
        var clock = b.Clock;
        var local = clock.ToLocal(approval.RequestedAt);
        var day = clock.Calendar.AddBusinessDays(DateOnly.FromDateTime(local.DateTime), b.Policy.Timings.ApprovalReminderBusinessDays);
        return clock.At(day, TimeOnly.FromDateTime(local.DateTime));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
