using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;
using Moq;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>
/// A crash after the provider accepted a notice, before the outbox row recorded it (the row stays Sending): the
/// retried activity must neither lose nor silently duplicate the e-mail. Ported from the removed engine's tests.
/// </summary>
public sealed class SendNoticeCrashTests
{
    private static readonly DateTimeOffset Start = T("2026-06-10T00:00:00Z");

    [Fact]
    public async Task RunAsync_RetryAfterCrashWithSmtp_NotResentButMarkedUncertain()
    {
        var (kit, request) = await CrashOnFirstNoticeAsync();

        var outcome = await kit.NewSendNotice(new CaseOptions { ResendInterruptedSends = false }).RunAsync(Mock.Of<TaskActivityContext>(), request);

        Assert.Equal(nameof(OutboxStatus.Uncertain), outcome);
        Assert.Single(kit.Sender.Sent);
        Assert.Equal(OutboxStatus.Uncertain, (await kit.Store.GetOutboxEntryAsync(request.CaseId, request.Notice.OutboxId, default))!.Status);
    }

    [Fact]
    public async Task RunAsync_RetryAfterCrashWithAcs_ResentWithTheSameIdempotencyKey()
    {
        var (kit, request) = await CrashOnFirstNoticeAsync();

        var outcome = await kit.NewSendNotice(new CaseOptions { ResendInterruptedSends = true }).RunAsync(Mock.Of<TaskActivityContext>(), request);

        Assert.Equal(nameof(OutboxStatus.Sent), outcome);
        Assert.Equal(2, kit.Sender.Sent.Count);
        Assert.Equal(kit.Sender.Sent[0].IdempotencyKey, kit.Sender.Sent[1].IdempotencyKey);
        Assert.Equal(OutboxStatus.Sent, (await kit.Store.GetOutboxEntryAsync(request.CaseId, request.Notice.OutboxId, default))!.Status);
    }

    /// <summary>Runs a case until its first notice, whose send "crashes" once the provider has accepted it.</summary>
    private static async Task<(CaseTestKit Kit, SendNoticeRequest Request)> CrashOnFirstNoticeAsync()
    {
        var kit = new CaseTestKit(Start);
        kit.Sender.CrashAfterAccepting = 1;
        var input = kit.NewCase(Account("K-1", CreditGrade.B, "Europe/London", Inv("INV-1", "2026-06-08", 800m)), "2026-06-10");
        kit.Runtime.Start(input.CaseId, input);
        kit.RunUntil(Start.AddDays(5));

        var request = kit.SendNotice.LastRequest!;
        Assert.Single(kit.Sender.Sent);
        Assert.Equal(OutboxStatus.Sending, (await kit.Store.GetOutboxEntryAsync(request.CaseId, request.Notice.OutboxId, default))!.Status);
        return (kit, request);
    }
}
