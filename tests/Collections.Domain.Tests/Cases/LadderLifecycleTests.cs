using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Cases;

/// <summary>Whole cases driven through their timers; every expected instant is worked out from domain.md section 4.</summary>
public sealed class LadderLifecycleTests
{
    private const string London = "Europe/London";

    [Fact]
    public void GradeB_FullLadder_EachStepAtItsDayAndWindowOpening()
    {
        // Anchor 2026-06-01. Reminder +1 Tue 06-02, Demand +15 Tue 06-16, FinalNotice +30 Wed 07-01, Escalation +60 Fri 07-31.
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-09-01T00:00:00Z"));

        Assert.Equal(
            [
                "Reminder@2026-06-02T09:00+01:00", "Demand@2026-06-16T09:00+01:00", "FinalNotice@2026-07-01T09:00+01:00",
                "Escalation@2026-07-31T09:00+01:00", "LegalHandoff@2026-07-31T09:00+01:00",
            ],
            log.Sent(London));
        Assert.Equal(CaseStage.Escalated, state.Stage);
        Assert.Equal(RuntimeStatus.Running, state.Status);
        Assert.True(state.CreditHold);
        Assert.Null(state.Next);
        Assert.Contains(log.Entries(), e => e.Type == TimelineType.Escalated);
    }

    [Fact]
    public void MinimumGap_DemandWaitsSevenDaysAfterReminder_AndIsRecorded()
    {
        // First seen on day 14 (Mon 06-15): Reminder now. Demand's day (+15, 06-16) is within 7 days: it waits to Mon 06-22 09:00.
        var open = Open("2026-06-15", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (_, log) = Drive(open.State, T("2026-07-02T00:00:00Z"));

        Assert.Equal(["Reminder@2026-06-15T09:00+01:00", "Demand@2026-06-22T09:00+01:00", "FinalNotice@2026-07-01T09:00+01:00"], log.Sent(London));
        var deferral = Assert.Single(log.Entries(), e => e.Type == TimelineType.NoticeDeferred);
        Assert.Equal((CaseStage.Demand, DeferralReasons.MinimumGap, "2026-06-22T09:00:00+01:00"), (deferral.Stage!.Value, deferral.Reason!, deferral.Data!["until"]));
    }

    [Fact]
    public void CatchUp_SeventyDaysLate_OnlyFinalNoticeThenEscalationAfterItsDeadline()
    {
        // Due Fri 04-03, seen Fri 06-12 (70 days): Reminder, Demand and Escalation are all past; no burst.
        // The final notice states Fri 06-19 as its deadline: escalation comes once that day has passed, Mon 06-22.
        var open = Open("2026-06-12", Contact(), items: Inv("I1", "2026-04-03", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-07-01T00:00:00Z"));

        Assert.Equal(["FinalNotice@2026-06-12T09:00+01:00", "Escalation@2026-06-22T09:00+01:00", "LegalHandoff@2026-06-22T09:00+01:00"], log.Sent(London));
        Assert.Contains(log.Entries(), e => e.Type == TimelineType.NoticeDeferred && e.Reason == DeferralReasons.FinalNoticeFirst);
        Assert.Equal(CaseStage.Escalated, state.Stage);
    }

    [Fact]
    public void DstChange_London_PreDueInSummerTimeReminderInWinterTime()
    {
        // Due Sun 10-25 (clocks go back that day). Pre-due day 10-20 at 09:00 BST; Reminder day Mon 10-26 at 09:00 GMT.
        var open = Open("2026-10-20", Contact(), items: Inv("I1", "2026-10-25", 300m)).Must();
        var (_, log) = Drive(open.State, T("2026-10-27T00:00:00Z"));

        Assert.Equal(["PreDue@2026-10-20T09:00+01:00", "Reminder@2026-10-26T09:00+00:00"], log.Sent(London));
        Assert.Equal(T("2026-10-26T09:00:00Z"), log.Select(x => x.Effect).OfType<SendNotice>().Last().At);
    }

    [Fact]
    public void NewYork_AcrossDstEnd_WeekendStepWaitsForMondayInStandardTime()
    {
        // Due Fri 10-30; Reminder day Sat 10-31 -> Mon 11-02 09:00 EST (DST ended Sun 11-01).
        var open = Open("2026-10-30", Contact("America/New_York"), items: Inv("I1", "2026-10-30", 300m)).Must();
        var (_, log) = Drive(open.State, T("2026-11-03T00:00:00Z"));

        Assert.Equal(["PreDue@2026-10-30T09:00-04:00", "Reminder@2026-11-02T09:00-05:00"], log.Sent("America/New_York"));
        Assert.Contains(log.Entries(), e => e.Type == TimelineType.NoticeDeferred && e.Reason == DeferralReasons.NonBusinessDay && e.Stage == CaseStage.Reminder);
    }

    [Fact]
    public void ShanghaiHolidays_StepSkipsHolidaysAndUsesExtraWorkingSaturday()
    {
        // Grade D Demand is due +1 = Thu 10-01 (holiday); Fri 10-02 holiday; Sat 10-03 is an extra working day.
        var policy = ParsePolicy(DefaultPolicyJson("""{ "CN": { "holidays": ["2026-10-01", "2026-10-02", "2026-10-05"], "extraWorkingDays": ["2026-10-03"] } }"""));
        var open = Open("2026-09-30", Contact("Asia/Shanghai", CreditGrade.D, "CN"), policy, Inv("I1", "2026-09-30", 300m)).Must();
        var (_, log) = Drive(open.State, T("2026-10-04T00:00:00Z"), policy);

        Assert.Equal(["PreDue@2026-09-30T09:00+08:00", "Demand@2026-10-03T09:00+08:00"], log.Sent("Asia/Shanghai"));
    }

    [Fact]
    public void PreDue_DoesNotCountForTheMinimumGap()
    {
        // Due Wed 06-17: pre-due Fri 06-12; Reminder Thu 06-18, only 6 days later, still goes out on its day.
        var open = Open("2026-06-10", Contact(), items: Inv("I1", "2026-06-17", 300m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-19T00:00:00Z"));

        Assert.Equal(["PreDue@2026-06-12T09:00+01:00", "Reminder@2026-06-18T09:00+01:00"], log.Sent(London));
        Assert.Equal(CaseStage.Reminder, state.Stage);
    }

    [Fact]
    public void PromiseBroken_PausesThenNextStepAtNextWindowOpening()
    {
        // Reminder 06-02. Promise on Wed 06-10 for Sat 06-20: paused until 06-23 00:00 local (end of 06-20 + 2 days grace).
        // Demand's day (06-16) passes during the promise: deferred. Broken at 06-23 00:00 -> Demand at 09:00; FinalNotice 07-01.
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var promise = new PromiseMade(D("2026-06-20"), new Money(1000m, Eur)) { Actor = "ops@corp" };
        var (state, log) = Drive(open.State, T("2026-07-02T00:00:00Z"), events: (T("2026-06-10T10:00:00+01:00"), promise));

        Assert.Equal(
            ["Reminder@2026-06-02T09:00+01:00", "PromiseConfirmation@2026-06-10T10:00+01:00", "Demand@2026-06-23T09:00+01:00", "FinalNotice@2026-07-01T09:00+01:00"],
            log.Sent(London));
        var entries = log.Entries();
        Assert.Contains(entries, e => e is { Type: TimelineType.NoticeDeferred, Stage: CaseStage.Demand, Reason: DeferralReasons.PromisePending } && e.At == T("2026-06-16T09:00:00+01:00"));
        var broken = Assert.Single(entries, e => e.Type == TimelineType.PromiseBroken);
        Assert.Equal(T("2026-06-23T00:00:00+01:00"), broken.At);
        Assert.Equal("ops@corp", Assert.Single(entries, e => e.Type == TimelineType.PromiseRecorded).Actor);
        Assert.Equal((0, 1), (state.PromisesKept, state.PromisesBroken));
    }

    [Fact]
    public void PromiseKept_RecordedWhenTheSnapshotShowsThePayment_NoBrokenLater()
    {
        var contact = Contact();
        var open = Open("2026-06-02", contact, items: [Inv("I1", "2026-06-01", 1000m), Inv("I2", "2026-06-01", 600m)]).Must();
        var promise = new PromiseMade(D("2026-06-20"), new Money(1000m, Eur));
        var paid = Snapshot("2026-06-18", contact, Inv("I2", "2026-06-01", 600m));
        var (state, log) = Drive(open.State, T("2026-06-24T00:00:00Z"), events: [(T("2026-06-10T10:00:00+01:00"), promise), (Midnight("2026-06-18"), paid)]);

        var entries = log.Entries();
        Assert.Single(entries, e => e.Type == TimelineType.PromiseKept);
        Assert.DoesNotContain(entries, e => e.Type == TimelineType.PromiseBroken);
        var payment = Assert.Single(entries, e => e.Type == TimelineType.PaymentReceived);
        Assert.Equal(("EUR", "1000.00"), (payment.Data!["currency"], payment.Data["amount"]));
        Assert.Single(entries, e => e.Type == TimelineType.ItemSettled && e.Data!["invoiceId"] == "I1");
        Assert.Equal((1, 0), (state.PromisesKept, state.PromisesBroken));
        // 600 remains overdue: after the promise window the ladder continues (Demand at the next window opening).
        Assert.Contains("Demand@2026-06-23T09:00+01:00", log.Sent(London));
    }

    [Fact]
    public void Payment_ClearsOverdue_ResolvedAtOnceReceiptAtNextWindowOpening()
    {
        var contact = Contact();
        var open = Open("2026-06-02", contact, items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-30T00:00:00Z"), events: (Midnight("2026-06-05"), Snapshot("2026-06-05", contact)));

        Assert.Equal(["Reminder@2026-06-02T09:00+01:00", "Receipt@2026-06-05T09:00+01:00"], log.Sent(London));
        Assert.Equal((CaseStage.Resolved, RuntimeStatus.Completed), (state.Stage, state.Status));
        var close = Assert.Single(log.Select(x => x.Effect).OfType<CloseCase>());
        Assert.Equal((CaseStage.Resolved, RuntimeStatus.Completed), (close.FinalStage, close.Status));
        Assert.Contains(log, x => x.Effect is AppendTimeline { Entry.Type: TimelineType.Resolved } && x.At == Midnight("2026-06-05"));
        Assert.Null(state.Next);
    }

    [Fact]
    public void Dispute_AllOverdueDisputed_SuspendsUntilResolved_ThenCatchUp()
    {
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var dispute = new DisputeRaised(["I1"], "goods damaged");
        var resolve = new DisputeSettled(["I1"], "claim rejected");
        var (state, log) = Drive(open.State, T("2026-07-04T00:00:00Z"), events: [(T("2026-06-03T10:00:00+01:00"), dispute), (T("2026-07-03T10:00:00+01:00"), resolve)]);

        // Demand (06-16) is held by the dispute; after resolution on Fri 07-03 only the latest past step (FinalNotice, 07-01) goes, at once.
        Assert.Equal(["Reminder@2026-06-02T09:00+01:00", "DisputeAcknowledgement@2026-06-03T10:00+01:00", "FinalNotice@2026-07-03T10:00+01:00"], log.Sent(London));
        Assert.Contains(log.Entries(), e => e is { Type: TimelineType.NoticeDeferred, Stage: CaseStage.Demand, Reason: DeferralReasons.Disputed });
        Assert.Equal(RuntimeStatus.Running, state.Status);
    }

    [Fact]
    public void Dispute_OneOfTwoInvoices_CollectionOfTheOtherContinues()
    {
        var open = Open("2026-06-02", Contact(), items: [Inv("I1", "2026-06-01", 1000m), Inv("I2", "2026-06-01", 200m)]).Must();
        var (state, log) = Drive(open.State, T("2026-06-17T00:00:00Z"), events: (T("2026-06-03T10:00:00+01:00"), new DisputeRaised(["I1"], "price")));

        Assert.Equal(["Reminder@2026-06-02T09:00+01:00", "DisputeAcknowledgement@2026-06-03T10:00+01:00", "Demand@2026-06-16T09:00+01:00"], log.Sent(London));
        Assert.Equal(RuntimeStatus.Running, state.Status);
        Assert.False(state.DisputeHold);
    }

    [Fact]
    public void DoNotContact_StepsAdvanceButNothingIsSent()
    {
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-17T00:00:00Z"), events: (Midnight("2026-06-02"), new DoNotContactChanged(true, "debtor in administration")));

        Assert.Empty(log.Sent(London));
        Assert.Equal(
            [(CaseStage.Reminder, DeferralReasons.DoNotContact), (CaseStage.Demand, DeferralReasons.DoNotContact)],
            log.Entries().Where(e => e.Type == TimelineType.NoticeSuppressed).Select(e => (e.Stage!.Value, e.Reason!)));
        Assert.Equal(CaseStage.Demand, state.Stage);
    }

    [Fact]
    public void GradeA_EscalationAwaitsApproval_SupervisorRemindedAfterThreeBusinessDays()
    {
        // Due 2026-01-01, seen 06-12: FinalNotice now, deadline Fri 06-19; escalation may come once that day has passed
        // (Sat 06-20 -> Mon 06-22 09:00) but needs approval. No answer in 3 business days (Tue 23, Wed 24, Thu 25): supervisor
        // reminded Thu 06-25 09:00. Approved Thu 10:00: escalate at once.
        var open = Open("2026-06-12", Contact(grade: CreditGrade.A), items: Inv("I1", "2026-01-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-07-01T00:00:00Z"), events: (T("2026-06-25T10:00:00+01:00"), new EscalationApproved { Actor = "lead@corp" }));

        Assert.Equal(
            ["FinalNotice@2026-06-12T09:00+01:00", "ApprovalReminder@2026-06-25T09:00+01:00", "Escalation@2026-06-25T10:00+01:00", "LegalHandoff@2026-06-25T10:00+01:00"],
            log.Sent(London));
        Assert.Single(log, x => x.Effect is RequestApproval && x.At == T("2026-06-22T09:00:00+01:00"));
        Assert.Equal(CaseStage.Escalated, state.Stage);
    }

    [Fact]
    public void GradeA_EscalationRejected_StaysAtFinalNoticeWithNoFurtherSteps()
    {
        var open = Open("2026-06-12", Contact(grade: CreditGrade.A), items: Inv("I1", "2026-01-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-08-01T00:00:00Z"), events: (T("2026-06-22T10:00:00+01:00"), new EscalationRejected("strategic customer")));

        Assert.Equal(["FinalNotice@2026-06-12T09:00+01:00"], log.Sent(London));
        Assert.Equal((CaseStage.FinalNotice, RuntimeStatus.Running), (state.Stage, state.Status));
        Assert.Null(state.Next);
        Assert.Null(state.PlannedStep);
    }

    [Fact]
    public void PartialPaymentMovesAnchorYounger_NeverMovesDownTheLadder()
    {
        var contact = Contact();
        var open = Open("2026-06-12", contact, items: [Inv("OLD", "2026-05-01", 500m), Inv("NEW", "2026-06-10", 500m)]).Must();
        var paid = Snapshot("2026-06-13", contact, Inv("NEW", "2026-06-10", 500m));
        var (state, log) = Drive(open.State, T("2026-06-30T00:00:00Z"), events: (Midnight("2026-06-13"), paid));

        // Old item 42 days overdue: FinalNotice. After it is paid the anchor is 06-10 (3 days), yet no Reminder or Demand follows:
        // the next rung is Escalation at 06-10 + 60 = Sun 08-09 -> Mon 08-10.
        Assert.Equal(["FinalNotice@2026-06-12T09:00+01:00"], log.Sent(London));
        Assert.Equal(new PlannedStep(CaseStage.Escalated, T("2026-08-10T09:00:00+01:00")), state.PlannedStep);
    }

    [Fact]
    public void PauseUntil_ResumesByItselfAndCatchesUp()
    {
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var pause = new PauseRequested("customer on holiday", T("2026-06-20T12:00:00+01:00"));
        var (_, log) = Drive(open.State, T("2026-06-23T00:00:00Z"), events: (T("2026-06-03T10:00:00+01:00"), pause));

        // Demand (06-16) held; pause ends Sat 06-20 noon -> Demand at Mon 06-22 09:00.
        Assert.Equal(["Reminder@2026-06-02T09:00+01:00", "Demand@2026-06-22T09:00+01:00"], log.Sent(London));
        Assert.Contains(log.Entries(), e => e.Type == TimelineType.Resumed && e.Actor == "system" && e.At == T("2026-06-20T12:00:00+01:00"));
    }

    [Fact]
    public void EscalateNow_HonoursTheMinimumGapAndWindow()
    {
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-30T00:00:00Z"), events: (T("2026-06-05T10:00:00+01:00"), new EscalateNowRequested("fraud suspected")));

        // Reminder Tue 06-02 09:00 + 7 days = Tue 06-09 09:00.
        Assert.Equal(["Reminder@2026-06-02T09:00+01:00", "Escalation@2026-06-09T09:00+01:00", "LegalHandoff@2026-06-09T09:00+01:00"], log.Sent(London));
        Assert.Equal(CaseStage.Escalated, state.Stage);
    }

    [Fact]
    public void TimerFiringEarly_TakesNoStepAndRearms()
    {
        var open = Open("2026-06-12", Contact(), items: Inv("I1", "2026-06-01", 10m)).Must();
        var early = CaseMachine.Apply(open.State, new TimerDue(), T("2026-06-12T05:00:00Z"), DunningPolicy.Default).Must();

        Assert.Empty(early.Notices());
        Assert.Equal(RuntimeStatus.Pending, early.State.Status);
        Assert.Equal(T("2026-06-12T08:00:00Z"), Assert.Single(early.Effects.OfType<ArmTimer>()).At);
    }

    [Fact]
    public void Snapshot_RecordsItemChangesWithProvenance()
    {
        var contact = Contact();
        var open = Open("2026-06-02", contact, items: [Inv("I1", "2026-06-01", 1000m, amount: 1000m), Inv("I2", "2026-06-01", 300m)]).Must();
        var next = Snapshot("2026-06-05", contact,
            Inv("I1", "2026-06-01", 400m, amount: 1000m) with { Provenance = new ItemProvenance("ledger_2026-06-05.csv", "abc", 7) },
            Inv("I3", "2026-07-01", 50m) with { Provenance = new ItemProvenance("ledger_2026-06-05.csv", "abc", 8) });

        var t = CaseMachine.Apply(open.State, next, Midnight("2026-06-05"), DunningPolicy.Default).Must();
        var entries = t.Timeline.ToList();

        var partial = Assert.Single(entries, e => e.Type == TimelineType.ItemPartiallyPaid);
        Assert.Equal(("I1", "1000.00", "400.00", "600.00", "7", "abc"), (partial.Data!["invoiceId"], partial.Data["previousOpen"], partial.Data["open"], partial.Data["paid"], partial.Data["row"], partial.Data["sha256"]));
        Assert.Equal("I2", Assert.Single(entries, e => e.Type == TimelineType.ItemSettled).Data!["invoiceId"]);
        Assert.Equal("I3", Assert.Single(entries, e => e.Type == TimelineType.ItemAdded).Data!["invoiceId"]);
        Assert.Equal("900.00", Assert.Single(entries, e => e.Type == TimelineType.PaymentReceived).Data!["amount"]);
    }

    [Fact]
    public void Snapshot_OlderThanApplied_RejectedAsStale()
    {
        var open = Open("2026-06-12", Contact(), items: Inv("I1", "2026-06-01", 10m)).Must();
        var t = CaseMachine.Apply(open.State, Snapshot("2026-06-11", Contact(), Inv("I1", "2026-06-01", 10m)), Midnight("2026-06-12"), DunningPolicy.Default);

        Assert.False(t.Accepted);
        Assert.Contains("stale", t.Rejection, StringComparison.Ordinal);
        Assert.Same(open.State, t.State);
    }

    [Fact]
    public void Snapshot_SameFileAppliedAgain_RejectedSoRerunsAreNoOps()
    {
        var contact = Contact();
        var open = Open("2026-06-12", contact, items: Inv("I1", "2026-06-01", 10m)).Must();
        var again = CaseMachine.Apply(open.State, Snapshot("2026-06-12", contact, Inv("I1", "2026-06-01", 10m)), Midnight("2026-06-12").AddMinutes(5), DunningPolicy.Default);

        Assert.Equal("snapshot sha-2026-06-12 is already applied", again.Rejection);
        Assert.Equal("sha-2026-06-12", open.State.LastSnapshotSha256);
    }

    [Fact]
    public void Promise_OutsideAllowedRange_RejectedWithTheRange()
    {
        var open = Open("2026-06-12", Contact(), items: Inv("I1", "2026-06-01", 10m)).Must();
        var t = CaseMachine.Apply(open.State, new PromiseMade(D("2026-07-20"), new Money(10m, Eur)), T("2026-06-12T10:00:00Z"), DunningPolicy.Default);

        Assert.Equal("the promised date 2026-07-20 must be between 2026-06-12 and 2026-07-12 (within 30 days)", t.Rejection);
    }
}
