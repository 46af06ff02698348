using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Cases;

/// <summary>An action repeated on a case that already is what it asks for is acknowledged without a new version, entry or notice.</summary>
public sealed class CaseNoOpsTests
{
    private static readonly DunningPolicy Policy = DunningPolicy.Default;

    private static CaseState Running()
    {
        var opened = Open("2026-06-12", Contact(), items: [Inv("I1", "2026-06-01", 1000m), Inv("I2", "2026-06-05", 500m)]).Must().State;
        return CaseMachine.Apply(opened, new TimerDue(), T("2026-06-12T08:00:00Z"), Policy).Must().State;
    }

    private static (CaseTransition First, CaseTransition Second) Twice(CaseState state, CaseEvent evt)
    {
        var first = CaseMachine.Apply(state, evt, state.LastUpdatedAt.AddHours(1), Policy);
        Assert.True(first.Accepted, first.Rejection);
        Assert.Null(first.NoChange);
        var second = CaseMachine.Apply(first.State, evt, first.State.LastUpdatedAt.AddHours(1), Policy);
        return (first, second);
    }

    public static TheoryData<string> RepeatableActions() => ["promise", "dispute", "settle", "pause", "pauseUntil", "escalateNow", "doNotContactOn", "writeOff", "terminate"];

    [Theory]
    [MemberData(nameof(RepeatableActions))]
    public void Apply_SameActionTwice_SecondIsAcknowledgedAndChangesNothing(string action)
    {
        var state = Running();
        if (action == "settle")
        {
            state = CaseMachine.Apply(state, new DisputeRaised(["I1"], "wrong price"), state.LastUpdatedAt.AddHours(1), Policy).Must().State;
        }

        CaseEvent evt = action switch
        {
            "promise" => new PromiseMade(D("2026-06-20"), new Money(500m, Eur)),
            "dispute" => new DisputeRaised(["I1", "I2"], "not delivered"),
            "settle" => new DisputeSettled(["I1"], "credit note agreed"),
            "pause" => new PauseRequested("debtor asked for time", null),
            "pauseUntil" => new PauseRequested("debtor asked for time", T("2026-07-01T00:00:00Z")),
            "escalateNow" => new EscalateNowRequested("no response"),
            "doNotContactOn" => new DoNotContactChanged(true, "legal instruction"),
            "writeOff" => new WriteOffRequested("insolvent"),
            "terminate" => new TerminateRequested("duplicate"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        var (first, second) = Twice(state, evt);

        Assert.True(second.Accepted, second.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(second.NoChange));
        Assert.Same(first.State, second.State);
        Assert.Empty(second.Effects);
    }

    [Fact]
    public void Apply_SamePromiseAgain_SendsOneConfirmationInAll()
    {
        var evt = new PromiseMade(D("2026-06-20"), new Money(500m, Eur)) { Actor = "operator:1" };
        var (first, second) = Twice(Running(), evt);

        var notices = first.Effects.Concat(second.Effects).OfType<SendNotice>().Where(n => n.Kind == NoticeKind.PromiseConfirmation);
        Assert.Single(notices);
        Assert.Equal("the same promise is already recorded", second.NoChange);
    }

    [Fact]
    public void Apply_DifferentPromise_SupersedesAndConfirmsAgain()
    {
        var state = Running();
        var first = CaseMachine.Apply(state, new PromiseMade(D("2026-06-20"), new Money(500m, Eur)), state.LastUpdatedAt.AddHours(1), Policy).Must();
        var second = CaseMachine.Apply(first.State, new PromiseMade(D("2026-06-25"), new Money(500m, Eur)), first.State.LastUpdatedAt.AddHours(1), Policy);

        Assert.Null(second.NoChange);
        Assert.Equal(first.State.Version + 1, second.State.Version);
        Assert.Contains(second.Effects.OfType<SendNotice>(), n => n.Kind == NoticeKind.PromiseConfirmation);
    }

    [Fact]
    public void Apply_PauseWithAnotherEnd_WhilePaused_IsRejected()
    {
        var state = Running();
        var paused = CaseMachine.Apply(state, new PauseRequested("call back", null), state.LastUpdatedAt.AddHours(1), Policy).Must().State;

        var t = CaseMachine.Apply(paused, new PauseRequested("call back", T("2026-07-01T00:00:00Z")), paused.LastUpdatedAt.AddHours(1), Policy);

        Assert.False(t.Accepted);
        Assert.Equal("the case is already paused", t.Rejection);
    }

    [Fact]
    public void Apply_DisputeAddingOneInvoice_RecordsOnlyTheNewOne()
    {
        var state = Running();
        var first = CaseMachine.Apply(state, new DisputeRaised(["I1"], "wrong price"), state.LastUpdatedAt.AddHours(1), Policy).Must().State;

        var t = CaseMachine.Apply(first, new DisputeRaised(["I1", "I2"], "also late"), first.LastUpdatedAt.AddHours(1), Policy);

        Assert.Null(t.NoChange);
        Assert.Equal("I2", Assert.Single(t.Timeline, e => e.Type == TimelineType.Disputed).Data!["invoiceIds"]);
    }

    [Fact]
    public void Apply_SettleInvoiceNotOnTheCase_IsRejected()
    {
        var t = CaseMachine.Apply(Running(), new DisputeSettled(["NOPE"], null), Running().LastUpdatedAt.AddHours(1), Policy);

        Assert.False(t.Accepted);
        Assert.Contains("NOPE", t.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ResumeOnAResolvedCase_IsRejectedAsClosed()
    {
        var running = Running();
        var resolved = CaseMachine.Apply(running, Snapshot("2026-06-13", Contact()), Midnight("2026-06-13"), Policy).Must().State;

        var t = CaseMachine.Apply(resolved, new ResumeRequested(), resolved.LastUpdatedAt.AddHours(1), Policy);

        Assert.False(t.Accepted);
        Assert.Contains("closed", t.Rejection, StringComparison.Ordinal);
    }
}
