using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Pipeline.Cases;
using Collections.TestSupport;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Cases;

/// <summary>The durable engine against a real Azurite: tables, queues and the evidence container.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class CaseEngineAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FullLifecycle_LadderEscalationEvidenceThenPaymentAndReceipt()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-02"));
        var account = Account("K-1", items: Inv("I1", "2026-06-01", 1000m));

        Assert.Equal(SnapshotOutcome.Opened, await h.Engine.ApplySnapshotAsync(account, Source("2026-06-02"), default));
        await h.RunUntilAsync(T("2026-08-05T00:00:00Z"));

        // Reminder +1 (Tue 06-02), Demand +15 (Tue 06-16), FinalNotice +30 (Wed 07-01), Escalation +60 (Fri 07-31) with the legal hand-off.
        Assert.Equal(
            ["Reminder", "Demand", "FinalNotice", "Escalation", "LegalHandoff"],
            h.Sender.Sent.Select(m => m.IdempotencyKey).Select(k => OutboxKind(h, k)));
        Assert.Null(h.LastError);
        Assert.Equal("legal@contoso.example", h.Sender.Sent[^1].To[0].Address);
        var caseId = CaseIds.For(account.Key, 1);
        var evidence = await h.EvidenceContainer.GetBlobsAsync().ToListAsync();
        Assert.Equal(2, evidence.Count);
        Assert.All(evidence, b => Assert.Contains(caseId, b.Name, StringComparison.Ordinal));

        // The debtor pays everything: resolved at once, thank-you at the next window opening (Wed 08-05 09:00 BST).
        Assert.Equal(SnapshotOutcome.Resolved, await h.Engine.ApplySnapshotAsync(account with { Items = [] }, Source("2026-08-05"), default));
        await h.RunUntilAsync(T("2026-08-06T00:00:00Z"));

        var stored = await h.Cases.GetAsync(caseId, default);
        Assert.Equal((CaseStage.Resolved, RuntimeStatus.Completed), (stored!.State.Stage, stored.State.Status));
        Assert.Equal("Receipt", OutboxKind(h, h.Sender.Sent[^1].IdempotencyKey));
        var timeline = await h.Cases.GetTimelineAsync(caseId, default);
        var sent = timeline.Where(e => e.Type == TimelineType.NoticeSent).ToList();
        Assert.Equal(6, sent.Count);
        Assert.Equal(T("2026-06-16T09:00:00+01:00"), sent[1].At);
        Assert.Equal("ap@k-1.example", sent[0].Data!["to"]);
        Assert.Equal("cfo@k-1.example", sent[1].Data!["cc"]);
        Assert.Equal(T("2026-08-05T09:00:00+01:00"), sent[^1].At);
        Assert.Null((await h.Accounts.GetAsync("default", "K-1", default))!.ActiveCaseId);
    }

    [Fact]
    public async Task TwoEnginesRacingOnOneTimer_ExactlyOneTransition()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        var account = Account("K-2", items: Inv("I1", "2026-06-01", 500m));
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);
        var caseId = CaseIds.For(account.Key, 1);
        var opened = (await h.Cases.GetAsync(caseId, default))!.State;
        var timer = new TimerMessage(caseId, opened.Version, opened.Next!.At);
        h.Clock.MoveTo(timer.DueAt);

        var second = h.NewEngine();
        await Task.WhenAll(h.Engine.HandleTimerAsync(timer, default), second.HandleTimerAsync(timer, default));

        var after = (await h.Cases.GetAsync(caseId, default))!.State;
        Assert.Equal(opened.Version + 1, after.Version);
        Assert.Equal(CaseStage.Reminder, after.Stage);
        var outbox = await h.Cases.GetOutboxAsync(caseId, default);
        Assert.Single(outbox, o => o.Kind == NoticeKind.Reminder);
    }

    [Fact]
    public async Task TwoEnginesRaisingDifferentEvents_BothApplyOneAfterTheOther()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        var account = Account("K-3", items: [Inv("I1", "2026-06-01", 500m), Inv("I2", "2026-06-02", 300m)]);
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);
        var caseId = CaseIds.For(account.Key, 1);
        var version = (await h.Cases.GetAsync(caseId, default))!.State.Version;
        h.Clock.MoveTo(T("2026-06-12T10:00:00Z"));

        var results = await Task.WhenAll(
            h.Engine.RaiseAsync(caseId, new DisputeRaised(["I1"], "damaged") { Actor = "ops-a" }, default),
            h.NewEngine().RaiseAsync(caseId, new DoNotContactChanged(true, "legal hold") { Actor = "ops-b" }, default));

        Assert.All(results, r => Assert.True(r.Accepted, r.Rejection));
        var state = (await h.Cases.GetAsync(caseId, default))!.State;
        Assert.Equal(version + 2, state.Version);
        Assert.True(state.DoNotContact);
        Assert.Contains("I1", state.DisputedInvoiceIds);
    }

    [Fact]
    public async Task CrashBetweenTransactionAndSend_NoticeNeitherLostNorDuplicated()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        var account = Account("K-4", items: Inv("I1", "2026-06-01", 500m));
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);

        // The Reminder transition commits, then the process "dies" before its outbox message is queued.
        h.Outbox.FailNextSchedules = 1;
        await h.RunUntilAsync(T("2026-06-12T12:00:00Z"));
        Assert.Empty(h.Sender.Sent);
        var caseId = CaseIds.For(account.Key, 1);
        Assert.Equal(CaseStage.Reminder, (await h.Cases.GetAsync(caseId, default))!.State.Stage);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await h.Cases.GetOutboxAsync(caseId, default)).Status);

        // The sweeper finds the unsent row and queues it again; it goes out exactly once.
        var swept = await h.Engine.SweepAsync(default);
        Assert.Equal(1, swept.NoticesRequeued);
        await h.RunUntilAsync(T("2026-06-12T13:00:00Z"));
        await h.Engine.SweepAsync(default);
        await h.RunUntilAsync(T("2026-06-12T14:00:00Z"));

        Assert.Single(h.Sender.Sent);
        Assert.Single(await h.Cases.GetTimelineAsync(caseId, default), e => e.Type == TimelineType.NoticeSent);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await h.Cases.GetOutboxAsync(caseId, default)).Status);
    }

    [Fact]
    public async Task CrashAfterTheProviderAccepted_SmtpNotResentButMarkedUncertain()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        h.Sender.CrashAfterAccepting = 1;
        var account = Account("K-5", items: Inv("I1", "2026-06-01", 500m));
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);

        await h.RunUntilAsync(T("2026-06-12T12:00:00Z"));

        Assert.Single(h.Sender.Sent);
        var caseId = CaseIds.For(account.Key, 1);
        var row = Assert.Single(await h.Cases.GetOutboxAsync(caseId, default));
        Assert.Equal(OutboxStatus.Uncertain, row.Status);
        Assert.Single(await h.Cases.GetTimelineAsync(caseId, default), e => e.Type == TimelineType.NoticeFailed && e.Reason!.Contains("uncertain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrashAfterTheProviderAccepted_AcsResendsWithTheSameIdempotencyKey()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"), o => o.ResendInterruptedSends = true);
        h.Sender.CrashAfterAccepting = 1;
        var account = Account("K-6", items: Inv("I1", "2026-06-01", 500m));
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);

        await h.RunUntilAsync(T("2026-06-12T12:00:00Z"));

        // The provider saw the same Operation-Id twice and deduplicates it; the case records one delivery.
        Assert.Equal(2, h.Sender.Sent.Count);
        Assert.Equal(h.Sender.Sent[0].OperationId, h.Sender.Sent[1].OperationId);
        var caseId = CaseIds.For(account.Key, 1);
        Assert.Single(await h.Cases.GetTimelineAsync(caseId, default), e => e.Type == TimelineType.NoticeSent);
    }

    [Fact]
    public async Task DeletedTimerMessage_RecoveredByTheSweeper()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        var account = Account("K-7", items: Inv("I1", "2026-06-01", 500m));
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);
        await h.Timers.Client.ClearMessagesAsync();
        h.Timers.Forget();

        await h.RunUntilAsync(T("2026-06-12T12:00:00Z"));
        Assert.Empty(h.Sender.Sent);

        var swept = await h.Engine.SweepAsync(default);
        Assert.Equal(1, swept.TimersRearmed);
        await h.RunUntilAsync(T("2026-06-12T13:00:00Z"));

        Assert.Equal("Reminder", OutboxKind(h, Assert.Single(h.Sender.Sent).IdempotencyKey));
    }

    [Fact]
    public async Task TwentyDayWait_ChainedThroughSeveralQueueMessages()
    {
        // Nothing overdue; the pre-due notice for the invoice due Tue 07-07 goes out Thu 07-02 09:00 BST,
        // 20 days and 8 hours after the snapshot: longer than one queue message can wait (7 days).
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        var account = Account("K-8", items: Inv("I1", "2026-07-07", 500m));
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);
        var dueAt = T("2026-07-02T09:00:00+01:00");

        await h.RunUntilAsync(T("2026-07-03T00:00:00Z"));

        var chain = h.Timers.History
            .Select(x => (Timer: JsonSerializer.Deserialize<TimerMessage>(x.Message, CaseJson.Options)!, x.VisibleAt))
            .Where(x => x.Timer.DueAt == dueAt)
            .Select(x => x.VisibleAt)
            .ToList();
        Assert.Equal([T("2026-06-19T00:00:00Z"), T("2026-06-26T00:00:00Z"), dueAt], chain);
        Assert.Equal("PreDue", OutboxKind(h, Assert.Single(h.Sender.Sent).IdempotencyKey));
        var sent = Assert.Single(await h.Cases.GetTimelineAsync(CaseIds.For(account.Key, 1), default), e => e.Type == TimelineType.NoticeSent);
        Assert.Equal(dueAt, sent.At);
    }

    [Fact]
    public async Task PoisonNotice_CaseFails_RetrySendsIt()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        h.Sender.FailTransiently = true;
        var account = Account("K-9", items: Inv("I1", "2026-06-01", 500m));
        await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default);

        await h.RunUntilAsync(T("2026-06-12T12:00:00Z"));

        var caseId = CaseIds.For(account.Key, 1);
        var failed = (await h.Cases.GetAsync(caseId, default))!.State;
        Assert.Equal(RuntimeStatus.Failed, failed.Status);
        Assert.Single((await h.Outbox.Poison.PeekMessagesAsync(32)).Value);
        Assert.Contains(await h.Cases.GetTimelineAsync(caseId, default), e => e.Type == TimelineType.Failed && e.Reason!.Contains("503", StringComparison.Ordinal));

        h.Sender.FailTransiently = false;
        var retried = await h.Engine.RetryAsync(caseId, "ops@corp", default);
        Assert.True(retried.Accepted, retried.Rejection);
        await h.RunUntilAsync(T("2026-06-12T13:00:00Z"));

        Assert.Equal("Reminder", OutboxKind(h, Assert.Single(h.Sender.Sent).IdempotencyKey));
        Assert.Equal(RuntimeStatus.Running, (await h.Cases.GetAsync(caseId, default))!.State.Status);
    }

    [Fact]
    public async Task SnapshotAppliedTwice_IsANoOp()
    {
        var h = await EngineHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        var account = Account("K-10", items: Inv("I1", "2026-06-01", 500m));

        Assert.Equal(SnapshotOutcome.Opened, await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default));
        Assert.Equal(SnapshotOutcome.AlreadyApplied, await h.Engine.ApplySnapshotAsync(account, Source("2026-06-12"), default));

        var record = await h.Accounts.GetAsync("default", "K-10", default);
        Assert.Equal(1, record!.Episode);
        Assert.Equal(1, (await h.Cases.GetAsync(CaseIds.For(account.Key, 1), default))!.State.Version);
    }

    private static string OutboxKind(EngineHarness h, string idempotencyKey)
    {
        var (caseId, outboxId) = (idempotencyKey[..idempotencyKey.IndexOf('/', StringComparison.Ordinal)], idempotencyKey[(idempotencyKey.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        return h.Cases.GetOutboxEntryAsync(caseId, outboxId, default).GetAwaiter().GetResult()!.Kind.ToString();
    }
}
