using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Cases;

/// <summary>Domain.md section 4, FinalNotice: unpaid by its deadline (sent + 7 days) the account goes on credit hold.</summary>
public sealed class CreditHoldTests
{
    private const string London = "Europe/London";

    [Fact]
    public void FinalNoticeDeadlinePassesUnpaid_CreditHoldAtTheStartOfTheNextDay_BeforeEscalation()
    {
        // Grade B, anchor 06-01: FinalNotice Wed 07-01 09:00, deadline Wed 07-08; hold at Thu 07-09 00:00 local; Escalation Fri 07-31.
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-08-15T00:00:00Z"));

        var hold = Assert.Single(log.Entries(), e => e.Type == TimelineType.CreditHoldPlaced);
        Assert.Equal(T("2026-07-09T00:00:00+01:00"), hold.At);
        Assert.Equal(("FinalNoticeDeadlinePassed", "2026-07-08", CaseStage.FinalNotice), (hold.Reason, hold.Data!["finalNoticeDeadline"], hold.Stage!.Value));
        Assert.True(state.CreditHold);
        Assert.Contains("Escalation@2026-07-31T09:00+01:00", log.Sent(London));
    }

    [Fact]
    public void FinalNoticeSent_NextWakeUpIsTheCreditHold()
    {
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, _) = Drive(open.State, T("2026-07-02T00:00:00Z"));

        Assert.Equal(new DateOnly(2026, 7, 8), CaseDeadlines.FinalNotice(state, DunningPolicy.Default));
        Assert.Equal((NextActionKind.CreditHold, T("2026-07-09T00:00:00+01:00")), (state.Next!.Kind, state.Next.At));
        Assert.False(state.CreditHold);
    }

    [Fact]
    public void PaidBeforeTheDeadline_NoCreditHold()
    {
        var contact = Contact();
        var open = Open("2026-06-02", contact, items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-08-15T00:00:00Z"), events: (Midnight("2026-07-05"), Snapshot("2026-07-05", contact)));

        Assert.DoesNotContain(log.Entries(), e => e.Type == TimelineType.CreditHoldPlaced);
        Assert.Equal(CaseStage.Resolved, state.Stage);
        Assert.False(state.CreditHold);
    }

    [Fact]
    public void PromiseRunningAtTheDeadline_HoldWaitsUntilThePromiseIsBroken()
    {
        // Promise on Mon 07-06 for Fri 07-10: held until 07-13 00:00 (10th + 2 days' grace), broken then: hold at that instant.
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (_, log) = Drive(open.State, T("2026-07-20T00:00:00Z"), events: (T("2026-07-06T10:00:00+01:00"), new PromiseMade(D("2026-07-10"), new Money(1000m, Eur))));

        var hold = Assert.Single(log.Entries(), e => e.Type == TimelineType.CreditHoldPlaced);
        Assert.Equal(T("2026-07-13T00:00:00+01:00"), hold.At);
    }

    [Fact]
    public void EscalateNowBeforeAnyFinalNotice_HoldPlacedAtEscalation()
    {
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-10T00:00:00Z"), events: (T("2026-06-05T10:00:00+01:00"), new EscalateNowRequested("fraud suspected")));

        // The reminder went out Tue 06-02 09:00: the escalation keeps the 7-day gap, Tue 06-09 09:00.
        var hold = Assert.Single(log.Entries(), e => e.Type == TimelineType.CreditHoldPlaced);
        Assert.Equal(("Escalated", T("2026-06-09T09:00:00+01:00")), (hold.Reason, hold.At));
        Assert.Null(hold.Data);
        Assert.Equal((CaseStage.Escalated, true), (state.Stage, state.CreditHold));
        Assert.Null(CaseDeadlines.FinalNotice(state, DunningPolicy.Default));
    }
}
