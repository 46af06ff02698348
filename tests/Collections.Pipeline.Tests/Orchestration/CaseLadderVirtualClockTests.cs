using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Pipeline.Orchestration;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>The case orchestrator and its activities on the virtual clock: whole ladders in milliseconds.</summary>
public sealed class CaseLadderVirtualClockTests
{
    private static readonly DateTimeOffset Start = T("2026-06-10T00:00:00Z");

    [Fact]
    public async Task Ladder_NinetyDaysGradeB_SendsEveryStepOnceAndEscalates()
    {
        var kit = new CaseTestKit(Start);
        var input = kit.NewCase(Account("K-1", CreditGrade.B, "Europe/London", Inv("INV-1", "2026-06-08", 800m)), "2026-06-10");

        kit.Runtime.Start(input.CaseId, input);
        kit.RunUntil(Start.AddDays(90));

        var timeline = await kit.Store.GetTimelineAsync(input.CaseId, CancellationToken.None);
        Assert.Equal(
            [NoticeKind.Reminder, NoticeKind.Demand, NoticeKind.FinalNotice, NoticeKind.Escalation, NoticeKind.LegalHandoff],
            timeline.Where(e => e.Type == TimelineType.NoticeSent).Select(e => e.Notice!.Value));
        Assert.Equal(5, kit.Sender.Sent.Count);
        Assert.Single(kit.Evidence.Packs);
        var state = (await kit.Store.GetAsync(input.CaseId, CancellationToken.None))!;
        Assert.Equal((CaseStage.Escalated, RuntimeStatus.Running), (state.Stage, state.Status));
        Assert.Empty(kit.Runtime.Failures);
    }

    [Fact]
    public async Task Ladder_SignalsAcrossGenerations_NothingIsLostOrWrittenTwice()
    {
        var kit = new CaseTestKit(Start);
        var input = kit.NewCase(Account("K-2", CreditGrade.C, "Europe/London", Inv("INV-2", "2026-06-08", 100m)), "2026-06-10");
        kit.Runtime.Start(input.CaseId, input);

        for (var i = 0; i < 60; i++)
        {
            kit.RunUntil(Start.AddHours(i + 1));
            Assert.True(kit.Runtime.Raise(input.CaseId, CaseSignal.From(new DoNotContactChanged(i % 2 == 0, "toggle") { Actor = "op" })));
        }

        var timeline = await kit.Store.GetTimelineAsync(input.CaseId, CancellationToken.None);
        Assert.True(kit.Runtime.GenerationsOf(input.CaseId) >= 3);
        Assert.Equal(60, timeline.Count(e => e.Type is TimelineType.DoNotContactOn or TimelineType.DoNotContactOff));
        Assert.Equal(timeline.Count, timeline.Distinct().Count());
        Assert.False((await kit.Store.GetAsync(input.CaseId, CancellationToken.None))!.DoNotContact);
    }
}
