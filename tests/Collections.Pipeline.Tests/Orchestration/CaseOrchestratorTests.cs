using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>Every branch of the case orchestrator against a mocked <c>TaskOrchestrationContext</c>.</summary>
public sealed class CaseOrchestratorTests
{
    // Wed 2026-06-10 10:00 in London, inside the send window; the invoice fell due on 06-01.
    private static readonly DateTimeOffset Start = T("2026-06-10T09:00:00Z");
    private static readonly CustomerAccount Debtor = Account("K-1", CreditGrade.B, "Europe/London", Inv("INV-1", "2026-06-01", 800m));

    private readonly CaseTestKit _kit = new(Start);

    [Fact]
    public void RunAsync_NewOverdueAccount_SavesTheCaseAndArmsTheTimerOfTheFirstStep()
    {
        var mock = Started();

        Assert.Equal([CaseTasks.SaveCase], mock.Calls);
        Assert.Single(mock.Timers);
        Assert.Equal(CaseStage.PreDue, mock.Saved.Stage);
        Assert.Equal(("LadderStep", "Pending"), (mock.CustomStatus!.NextAction, mock.CustomStatus.Status));
        Assert.False(mock.Run!.IsCompleted);
    }

    [Fact]
    public void RunAsync_NothingOwed_CompletesWithoutOpening()
    {
        var mock = new MockedCase(Start);
        mock.Start(new CaseOrchestrator(_kit.Policies), _kit.NewCase(Account("K-0", CreditGrade.B, "Europe/London"), "2026-06-10"));

        Assert.True(mock.Run!.IsCompletedSuccessfully);
        Assert.Equal("NotOpened", mock.Run.Result!.Status);
        Assert.Empty(mock.Activities);
    }

    [Fact]
    public void RunAsync_TimerWins_TakesTheStepSendsItsNoticeAndArmsTheNext()
    {
        var mock = Started();

        mock.FireTimer();

        Assert.Equal([NoticeKind.Reminder], mock.Sent);
        Assert.Equal(CaseStage.Reminder, mock.Saved.Stage);
        Assert.Equal(2, mock.Timers.Count);
        Assert.True(mock.Timers[^1] > mock.Now);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("promise")]
    [InlineData("dispute")]
    [InlineData("doNotContact")]
    [InlineData("escalateNow")]
    public void RunAsync_SignalWins_CancelsTheTimerAndAppliesTheEvent(string kind)
    {
        var mock = Started();
        mock.Now = Start.AddMinutes(5);

        mock.Raise(kind switch
        {
            "pause" => new PauseRequested("customer on holiday", null) { Actor = "op" },
            "promise" => new PromiseMade(D("2026-06-20"), new Money(800m, Eur)) { Actor = "op" },
            "dispute" => new DisputeRaised(["INV-1"], "wrong price") { Actor = "op" },
            "doNotContact" => new DoNotContactChanged(true, "complaint") { Actor = "op" },
            _ => new EscalateNowRequested("fraud") { Actor = "op" },
        });

        Assert.True(mock.FirstTimerCancelled);
        var saved = mock.Saved;
        Assert.True(kind switch
        {
            "pause" => saved.Pause is not null && saved.Status == RuntimeStatus.Suspended,
            "promise" => saved.Promise is not null && mock.Sent.SequenceEqual([NoticeKind.PromiseConfirmation]),
            "dispute" => saved.DisputedInvoiceIds.Contains("INV-1") && mock.Sent.SequenceEqual([NoticeKind.DisputeAcknowledgement]),
            "doNotContact" => saved.DoNotContact,
            _ => saved.EscalationRequested,
        });
        Assert.False(mock.Run!.IsCompleted);
    }

    [Theory]
    [InlineData("writeOff", "Completed", "WrittenOff")]
    [InlineData("paid", "Completed", "Resolved")]
    [InlineData("terminate", "Terminated", "PreDue")]
    public void RunAsync_ClosingSignal_CompletesWithTheOutcome(string kind, string status, string stage)
    {
        var mock = Started();

        mock.Raise(kind switch
        {
            "writeOff" => new WriteOffRequested("insolvent") { Actor = "op" },
            "paid" => CaseTestKit.Snapshot(Account("K-1", CreditGrade.B, "Europe/London"), "2026-06-11"),
            _ => new TerminateRequested("opened by mistake") { Actor = "op" },
        });

        Assert.True(mock.Run!.IsCompletedSuccessfully);
        Assert.Equal((status, stage), (mock.Run.Result!.Status, mock.Run.Result.Stage));
    }

    [Fact]
    public void RunAsync_RejectedSignal_ChangesNothingAndReportsWhy()
    {
        var mock = Started();

        mock.Raise(new ResumeRequested { Actor = "op" });

        Assert.Equal([CaseTasks.SaveCase], mock.Calls);
        Assert.Contains("not paused", mock.CustomStatus!.LastRejection, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_ManyTransitions_ContinuesAsNewCarryingTheState()
    {
        var mock = Started();

        for (var i = 0; i < CaseOrchestrator.TransitionsPerGeneration; i++)
        {
            mock.Raise(new DoNotContactChanged(i % 2 == 0, "toggle") { Actor = "op" });
        }

        var next = mock.ContinuedWith!;
        Assert.True(mock.PreservedEvents);
        Assert.True(mock.Run!.IsCompletedSuccessfully);
        var carried = JsonSerializer.Deserialize<CaseState>(next.State!, CaseJson.Options)!;
        Assert.Equal((mock.Saved.Version, (long)mock.SavedTimelineRows, 1), (carried.Version, next.TimelineSeq, next.Generation));
        Assert.Equal(_kit.Policies.CurrentVersion, next.PolicyVersion);
    }

    [Fact]
    public void RunAsync_GenerationFullWithSignalsBuffered_AppliesThemBeforeContinuingAsNew()
    {
        var mock = Started();
        for (var i = 0; i < CaseOrchestrator.TransitionsPerGeneration - 1; i++)
        {
            mock.Raise(new DoNotContactChanged(i % 2 == 0, "toggle") { Actor = "op" });
        }

        // Two more signals reached the episode with the last one: they wait in the buffer when the generation is full.
        mock.Buffered.Enqueue(CaseSignal.From(new PauseRequested("debtor on holiday", null) { Actor = "op" }));
        mock.Buffered.Enqueue(CaseSignal.From(new DoNotContactChanged(true, "marker") { Actor = "op" }));
        mock.Raise(new DoNotContactChanged(false, "toggle") { Actor = "op" });

        var carried = JsonSerializer.Deserialize<CaseState>(mock.ContinuedWith!.State!, CaseJson.Options)!;
        Assert.Empty(mock.Buffered);
        Assert.Equal((RuntimeStatus.Suspended, true), (carried.Status, carried.DoNotContact));
    }

    [Fact]
    public void RunAsync_NoticeActivityFails_FailsTheCaseUntilRetried()
    {
        var mock = Started();
        mock.Failing = CaseTasks.SendNotice;

        mock.FireTimer();

        Assert.NotNull(mock.Saved.FailureReason);
        Assert.Equal("Failed", mock.CustomStatus!.Status);
        Assert.Single(mock.Timers);

        mock.Failing = null;
        mock.Raise(new RetryRequested { Actor = "op" });

        Assert.Equal([NoticeKind.Reminder, NoticeKind.Reminder], mock.Sent);
        Assert.Null(mock.Saved.FailureReason);
    }

    [Fact]
    public void RunAsync_EscalationAwaitingApproval_RemindsTheSupervisorAfterThreeBusinessDays()
    {
        var pending = AwaitingApproval(out var seq);
        var mock = new MockedCase(pending.Approval!.RequestedAt.AddHours(1));
        mock.Start(new CaseOrchestrator(_kit.Policies), new CaseInput(pending.CaseId, _kit.Policies.CurrentVersion) { State = JsonSerializer.Serialize(pending, CaseJson.Options), TimelineSeq = seq });

        var requested = pending.Approval.RequestedAt.ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(requested.DayOfWeek switch
        {
            DayOfWeek.Wednesday or DayOfWeek.Thursday or DayOfWeek.Friday => requested.AddDays(5),
            _ => requested.AddDays(3),
        }, mock.Timers.Single());

        mock.FireTimer();

        Assert.Equal([NoticeKind.ApprovalReminder], mock.Sent);
        Assert.True(mock.Saved.Approval!.ReminderSent);
    }

    private MockedCase Started()
    {
        var mock = new MockedCase(Start);
        mock.Start(new CaseOrchestrator(_kit.Policies), _kit.NewCase(Debtor, "2026-06-10"));
        return mock;
    }

    /// <summary>A grade A case in Shanghai walked on the virtual clock until its escalation awaits approval.</summary>
    private CaseState AwaitingApproval(out long seq)
    {
        var account = Account("K-A", CreditGrade.A, "Asia/Shanghai", Inv("INV-A", "2026-04-01", 5000m));
        var input = _kit.NewCase(account, "2026-06-10");
        _kit.Runtime.Start(input.CaseId, input);
        while (_kit.Store.All.Single().Approval is null && _kit.Runtime.FireNextTimer(Start.AddDays(120)))
        {
        }

        var state = _kit.Store.All.Single();
        seq = _kit.Store.GetTimelineAsync(state.CaseId, CancellationToken.None).Result.Count;
        return state;
    }
}
