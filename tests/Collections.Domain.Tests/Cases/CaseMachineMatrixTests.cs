using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Cases;

/// <summary>
/// Every (state, event) pair of the case machine. The expected outcome of each pair is written out
/// by hand below: "x" means the event is rejected (state unchanged, no effects); "=" that it is
/// accepted but changes nothing (state unchanged, no effects, a reason in NoChange: see CaseNoOps);
/// otherwise the runtime status after the event.
/// </summary>
public sealed class CaseMachineMatrixTests
{
    private static readonly string[] Events =
        ["Snapshot", "Timer", "Promise", "Dispute", "Settle", "Pause", "Resume", "EscalateNow", "Approve", "Reject", "WriteOff", "Terminate", "DoNotContact", "Fail", "Retry"];

    // Columns follow Events. P=Pending R=Running S=Suspended C=Completed T=Terminated F=Failed x=rejected =unchanged.
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        //                        Snap Tim Pro Dis Set Pau Res Esc App Rej WO  Ter DNC Fail Retry
        ["New"] = /*          */ "P    x   x   x   x   x   x   x   x   x   x   x   x   x    x",
        ["Pending"] = /*      */ "P    P   S   P   =   S   =   P   x   x   C   T   P   F    x",
        ["Running"] = /*      */ "R    R   S   R   =   S   =   R   x   x   C   T   R   F    x",
        ["Paused"] = /*       */ "S    S   S   S   =   =   R   S   x   x   C   T   S   F    x",
        ["Promised"] = /*     */ "S    S   S   S   =   S   =   S   x   x   C   T   S   F    x",
        ["Disputed"] = /*     */ "S    S   x   =   R   S   =   x   x   x   C   T   S   F    x",
        ["AwaitingApproval"] = "R    R   S   R   =   S   =   R   R   R   C   T   R   F    x",
        ["Escalated"] = /*    */ "R    R   S   R   =   S   =   =   x   x   C   T   R   F    x",
        ["Failed"] = /*       */ "F    x   F   F   =   F   =   F   x   x   C   T   F   F    R",
        ["Resolved"] = /*     */ "x    x   x   x   x   x   x   x   x   x   x   x   x   x    x",
        ["WrittenOff"] = /*   */ "x    x   x   x   x   x   x   x   x   x   =   x   x   x    x",
        ["Terminated"] = /*   */ "x    x   x   x   x   x   x   x   x   x   x   =   x   x    x",
    };

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in Expected.Keys)
        {
            foreach (var evt in Events)
            {
                data.Add(state, evt);
            }
        }

        return data;
    }

    [Fact]
    public void Matrix_CoversEveryEventTypeOfTheMachine()
    {
        var eventTypes = typeof(CaseEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CaseEvent)) && !t.IsAbstract).ToList();
        var state = BuildState("Running");
        var built = Events.Select(e => MakeEvent(e, state, state.LastUpdatedAt).GetType()).Distinct().ToList();

        Assert.Equal(eventTypes.Count, built.Count);
        Assert.All(eventTypes, t => Assert.Contains(t, built));
        Assert.All(Expected.Values, row => Assert.Equal(Events.Length, row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Apply_EveryStateAndEvent_MatchesTheHandWrittenTable(string stateName, string eventName)
    {
        var state = BuildState(stateName);
        var at = state.LastUpdatedAt.AddHours(1);
        var evt = MakeEvent(eventName, state, at);
        var expected = Expected[stateName].Split(' ', StringSplitOptions.RemoveEmptyEntries)[Array.IndexOf(Events, eventName)];

        var t = CaseMachine.Apply(state, evt, at, DunningPolicy.Default);

        if (expected == "x")
        {
            Assert.False(t.Accepted, $"{eventName} should be rejected in {stateName}");
            Assert.False(string.IsNullOrWhiteSpace(t.Rejection));
            Assert.Same(state, t.State);
            Assert.Empty(t.Effects);
            Assert.Null(t.NoChange);
            return;
        }

        if (expected == "=")
        {
            Assert.True(t.Accepted, $"{eventName} in {stateName}: {t.Rejection}");
            Assert.False(string.IsNullOrWhiteSpace(t.NoChange), $"{eventName} in {stateName} should change nothing");
            Assert.Same(state, t.State);
            Assert.Empty(t.Effects);
            return;
        }

        Assert.True(t.Accepted, $"{eventName} in {stateName}: {t.Rejection}");
        Assert.Null(t.NoChange);
        Assert.Equal(Status(expected), t.State.Status);
        Assert.Equal(state.Version + 1, t.State.Version);
        Assert.Equal(at, t.State.LastUpdatedAt);
        if (t.State.IsClosed)
        {
            Assert.Null(t.State.Next);
            Assert.Contains(t.Effects, e => e is Collections.Domain.Cases.Effects.CloseCase);
        }
    }

    private static RuntimeStatus Status(string code) => code switch
    {
        "P" => RuntimeStatus.Pending,
        "R" => RuntimeStatus.Running,
        "S" => RuntimeStatus.Suspended,
        "C" => RuntimeStatus.Completed,
        "T" => RuntimeStatus.Terminated,
        "F" => RuntimeStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    private static LedgerItem[] RecentItems => [Inv("I1", "2026-06-01", 1000m), Inv("I2", "2026-06-05", 500m)];

    private static LedgerItem[] OldItems => [Inv("I1", "2026-01-01", 1000m), Inv("I2", "2026-01-05", 500m)];

    private static CaseState BuildState(string name)
    {
        var policy = DunningPolicy.Default;
        CaseState Then(CaseState s, CaseEvent e) => CaseMachine.Apply(s, e, s.LastUpdatedAt.AddHours(1), policy).Must().State;
        CaseState Pending() => Open("2026-06-12", Contact(), items: RecentItems).Must().State;
        CaseState Running()
        {
            var s = CaseMachine.Apply(Pending(), new TimerDue(), T("2026-06-12T08:00:00Z"), policy).Must().State;
            Assert.Equal(CaseStage.Reminder, s.Stage);
            return s;
        }

        CaseState Driven(CreditGrade grade, string until, CaseStage stage)
        {
            var s = Drive(Open("2026-06-12", Contact(grade: grade), items: OldItems).Must().State, T(until)).State;
            Assert.Equal(stage, s.Stage);
            return s;
        }

        var state = name switch
        {
            "New" => CaseState.New("case-1", new AccountKey("default", "K-1"), Midnight("2026-06-12")),
            "Pending" => Pending(),
            "Running" => Running(),
            "Paused" => Then(Running(), new PauseRequested("debtor asked for time", null)),
            "Promised" => Then(Running(), new PromiseMade(D("2026-06-20"), new Money(500m, Eur))),
            "Disputed" => Then(Running(), new DisputeRaised(["I1", "I2"], "not delivered")),
            // The final notice of Fri 06-12 states Fri 06-19 as its deadline: escalation comes after it, on Mon 06-22.
            "AwaitingApproval" => Driven(CreditGrade.A, "2026-06-22T09:00:00Z", CaseStage.FinalNotice),
            "Escalated" => Driven(CreditGrade.B, "2026-06-22T09:00:00Z", CaseStage.Escalated),
            "Failed" => Then(Running(), new ProcessingFailed("timer handler threw 5 times")),
            "Resolved" => CaseMachine.Apply(Running(), Snapshot("2026-06-13", Contact()), Midnight("2026-06-13"), policy).Must().State,
            "WrittenOff" => Then(Running(), new WriteOffRequested("insolvent")),
            "Terminated" => Then(Running(), new TerminateRequested("opened by mistake")),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        if (name == "AwaitingApproval")
        {
            Assert.Equal(ApprovalDecision.Pending, state.Approval?.Decision);
        }

        return state;
    }

    private static CaseEvent MakeEvent(string name, CaseState state, DateTimeOffset at)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        var asOf = localToday > state.AsOf ? localToday : state.AsOf;
        var items = state.Items.IsDefaultOrEmpty ? RecentItems : state.Items.ToArray();
        return name switch
        {
            "Snapshot" => (CaseEvent)(Snapshot(asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), state.Contact ?? Contact(), items) with { Sha256 = "sha-next-file" }),
            "Timer" => new TimerDue(),
            "Promise" => new PromiseMade(asOf.AddDays(5), new Money(100m, Eur)),
            "Dispute" => new DisputeRaised(["I1"], "wrong price"),
            "Settle" => new DisputeSettled(["I1"], "credit note agreed"),
            "Pause" => new PauseRequested("awaiting remittance advice", null),
            "Resume" => new ResumeRequested(),
            "EscalateNow" => new EscalateNowRequested("no response"),
            "Approve" => new EscalationApproved(),
            "Reject" => new EscalationRejected("key account"),
            "WriteOff" => new WriteOffRequested("uncollectable"),
            "Terminate" => new TerminateRequested("duplicate case"),
            "DoNotContact" => new DoNotContactChanged(true, "legal instruction"),
            "Fail" => new ProcessingFailed("boom"),
            "Retry" => new RetryRequested(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        } with { Actor = "ops@corp" };
    }
}
