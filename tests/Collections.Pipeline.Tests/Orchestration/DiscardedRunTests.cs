using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>
/// A worker killed after an episode's activity messages left but before its history was recorded: the discarded run's
/// SaveCase wrote outbox rows for a decision the re-run (woken later, so the ladder's catch-up chose another step) does
/// not make. The chaos run's failed Demands: the row said Demand, the recorded state had taken the FinalNotice.
/// </summary>
public sealed class DiscardedRunTests
{
    private static readonly DateTimeOffset Start = T("2026-06-10T00:00:00Z");

    [Fact]
    public async Task Ladder_RowHoldsDiscardedRunsDemand_SendsTheRecordedFinalNoticeAndNoDemand()
    {
        var (kit, caseId) = await OpenWithDiscardedRowsAsync(new PendingNotice(FirstDecision(0), NoticeKind.Demand, Start.AddHours(12)));

        kit.Runtime.AdvanceTo(Start.AddDays(9.5));
        kit.RunUntil(Start.AddDays(60));

        var outbox = await kit.Store.GetOutboxAsync(caseId, CancellationToken.None);
        var row = Assert.Single(outbox, r => r.Id == FirstDecision(0));
        Assert.Equal((NoticeKind.FinalNotice, OutboxStatus.Sent), (row.Kind, row.Status));
        Assert.DoesNotContain(outbox, r => r.Status == OutboxStatus.Failed);
        Assert.Equal([NoticeKind.FinalNotice, NoticeKind.Escalation, NoticeKind.LegalHandoff], SentKinds(kit));
        Assert.Empty(kit.Runtime.Failures);
    }

    [Fact]
    public async Task Ladder_DiscardedRunLeftARowNoNoticeClaims_RowIsCancelledAsSuperseded()
    {
        var (kit, caseId) = await OpenWithDiscardedRowsAsync(
            new PendingNotice(FirstDecision(0), NoticeKind.Escalation, Start.AddHours(12)),
            new PendingNotice(FirstDecision(1), NoticeKind.LegalHandoff, Start.AddHours(12)));

        kit.Runtime.AdvanceTo(Start.AddDays(9.5));
        kit.RunUntil(Start.AddDays(60));

        var orphan = (await kit.Store.GetOutboxEntryAsync(caseId, FirstDecision(1), CancellationToken.None))!;
        Assert.Equal((OutboxStatus.Cancelled, OutboxRows.Superseded), (orphan.Status, orphan.Error));
        Assert.Equal([NoticeKind.FinalNotice, NoticeKind.Escalation, NoticeKind.LegalHandoff], SentKinds(kit));
        Assert.DoesNotContain(await kit.Store.GetOutboxAsync(caseId, CancellationToken.None), r => r.Status is OutboxStatus.Pending or OutboxStatus.Failed);
    }

    [Fact]
    public async Task RunAsync_DemandSentAfterItsDeadline_CancelledAsLateNotSent()
    {
        var (kit, request) = await DemandSentAgainAsync(TimeSpan.FromDays(8));

        var outcome = await kit.NewSendNotice(new CaseOptions()).RunAsync(Moq.Mock.Of<Microsoft.DurableTask.TaskActivityContext>(), request);

        Assert.Equal(nameof(OutboxStatus.Cancelled), outcome);
        Assert.Single(kit.Sender.Sent);
        var row = (await kit.Store.GetOutboxEntryAsync(request.CaseId, request.Notice.OutboxId, CancellationToken.None))!;
        Assert.StartsWith("late: the Demand's payment deadline 2026-06-17", row.Error, StringComparison.Ordinal);
        var timeline = await kit.Store.GetTimelineAsync(request.CaseId, CancellationToken.None);
        Assert.Contains(timeline, e => e.Type == TimelineType.NoticeSuppressed && e.Notice == NoticeKind.Demand);
    }

    [Fact]
    public async Task RunAsync_DemandSentLateBeforeItsDeadline_SentWithTheLaddersDeadlineAsOnItsDay()
    {
        var (kit, request) = await DemandSentAgainAsync(TimeSpan.FromDays(3));

        var outcome = await kit.NewSendNotice(new CaseOptions()).RunAsync(Moq.Mock.Of<Microsoft.DurableTask.TaskActivityContext>(), request);

        Assert.Equal(nameof(OutboxStatus.Sent), outcome);
        Assert.Equal(2, kit.Sender.Sent.Count);
        Assert.Contains("17 June 2026", kit.Sender.Sent[1].Text, StringComparison.Ordinal);
    }

    private static string FirstDecision(int n) => $"o|{2:D12}|{n:D2}";

    private static NoticeKind[] SentKinds(CaseTestKit kit) => [.. kit.Sender.Sent.Select(m => KindOf(kit, m.IdempotencyKey))];

    private static NoticeKind KindOf(CaseTestKit kit, string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return kit.Store.GetOutboxEntryAsync(key[..slash], key[(slash + 1)..], CancellationToken.None).GetAwaiter().GetResult()!.Kind;
    }

    /// <summary>A grade D case opened (version 1) and the rows a discarded run of its next transition (version 2) wrote.</summary>
    private static async Task<(CaseTestKit Kit, string CaseId)> OpenWithDiscardedRowsAsync(params PendingNotice[] discarded)
    {
        var kit = new CaseTestKit(Start);
        var input = kit.NewCase(Account("K-1", CreditGrade.D, "Europe/London", Inv("INV-1", "2026-06-09", 800m)), "2026-06-10");
        kit.Runtime.Start(input.CaseId, input);
        var opened = (await kit.Store.GetAsync(input.CaseId, CancellationToken.None))!;
        Assert.Equal(1, opened.Version);
        await kit.Store.SaveAsync(opened, 0, [], [.. discarded.Select(n => OutboxRows.From(input.CaseId, n, 2))], CancellationToken.None);
        return (kit, input.CaseId);
    }

    /// <summary>A grade D case's Demand sent on its day (deadline 2026-06-17), its row set back unclaimed, and its request at a later instant.</summary>
    private static async Task<(CaseTestKit Kit, SendNoticeRequest Request)> DemandSentAgainAsync(TimeSpan later)
    {
        var kit = new CaseTestKit(Start);
        var input = kit.NewCase(Account("K-1", CreditGrade.D, "Europe/London", Inv("INV-1", "2026-06-09", 800m)), "2026-06-10");
        kit.Runtime.Start(input.CaseId, input);
        kit.RunUntil(Start.AddDays(1));
        var request = kit.SendNotice.LastRequest!;
        Assert.Equal(NoticeKind.Demand, request.Notice.Kind);
        var row = (await kit.Store.GetOutboxEntryAsync(request.CaseId, request.Notice.OutboxId, CancellationToken.None))!;
        await kit.Store.UpdateOutboxAsync(row with { Status = OutboxStatus.Pending, Attempts = 0, SentAt = null }, request.TimelineSeq, null, CancellationToken.None);
        return (kit, request with { At = request.At + later });
    }
}
