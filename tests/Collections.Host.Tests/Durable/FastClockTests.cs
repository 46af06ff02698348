using Collections.Domain.Cases;
using Collections.Pipeline.Clock;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;
using Microsoft.DurableTask;

namespace Collections.Host.Tests.Durable;

/// <summary>
/// The demo's fast clock (Clock:Speed) on the real local Durable runtime: the registered <see cref="AcceleratedTimeProvider"/>
/// reaches the case orchestrations, so a ladder of days runs in seconds and the case records virtual instants.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class FastClockTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Deadline = DurableWait.Deadline;

    [Fact]
    public async Task CaseOrchestration_FastClockRegistered_WalksTheLadderOnTheClocksVirtualDays()
    {
        // A virtual day lasts 4 real seconds from now: the short ladder's escalation, three days after the reminder,
        // comes some 12 real seconds in; on the real clock it would come in three days.
        var realStart = DateTimeOffset.UtcNow;
        var clock = AcceleratedTimeProvider.DayLasts(realStart, realStart, daySeconds: 4);
        var id = Guid.NewGuid().ToString("N")[..10];
        await using var host = await LocalDurableHost.StartAsync(azurite, "fast" + id, "worker-f", "fastcases" + id, new CountingEmailSender(), clock);
        var input = ShortLadder.NewCase(host.Policies, "K-FAST", daysOverdue: 1);
        var ct = CancellationToken.None;

        await host.Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId), ct);
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while ((await host.Store.GetAsync(input.CaseId, ct))?.Stage != CaseStage.Escalated)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the case did not reach escalation on the fast clock");
            await Task.Delay(200, ct);
        }

        var escalated = (await host.Store.GetTimelineAsync(input.CaseId, ct)).Last(e => e.Type == TimelineType.Escalated);
        var apiNow = clock.GetUtcNow();
        Assert.InRange(escalated.At, realStart.AddDays(2), apiNow);
        Assert.True(escalated.At > DateTimeOffset.UtcNow.AddDays(1), $"escalated at {escalated.At:O}: a real instant, not a virtual one");
    }
}
