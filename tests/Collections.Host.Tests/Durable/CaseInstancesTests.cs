using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.Host.Tests.Durable;

/// <summary>Operator actions through the SDK's instance management, on the real local Durable runtime (Azurite).</summary>
[Collection(DurableCollection.Name)]
public sealed class CaseInstancesTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Deadline = DurableWait.Deadline;

    [Fact]
    public async Task Actions_CheckedRaisedTerminatedAndPurged_InstanceAndProjectionAgree()
    {
        await using var host = await LocalDurableHost.StartAsync(azurite, "inst" + Guid.NewGuid().ToString("N")[..10], "worker-i", "instcases" + Guid.NewGuid().ToString("N")[..10], new CountingEmailSender());
        var input = ShortLadder.NewCase(host.Policies, "K-INST", daysOverdue: 1);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId));
        await Until(async () => (await host.Store.GetAsync(input.CaseId, CancellationToken.None))?.Stage == CaseStage.Reminder);
        var cases = new CaseInstances(host.Client, host.Store, host.Policies, TimeProvider.System);
        var ct = CancellationToken.None;

        var notFailed = await cases.RetryAsync(input.CaseId, "op", ct);
        var resume = await cases.RaiseAsync(input.CaseId, new ResumeRequested { Actor = "op" }, ct);
        var unknown = await cases.RaiseAsync("c-unknown-001", new ResumeRequested { Actor = "op" }, ct);
        Assert.Equal(("the case has not failed", "the case is not paused", true), (notFailed.Rejection, resume.NoChange, unknown.NotFound));

        var pause = await cases.RaiseAsync(input.CaseId, new PauseRequested("holiday", null) { Actor = "op" }, ct);
        Assert.Equal(RuntimeStatus.Suspended, pause.State!.Status);
        await Until(async () => (await host.Store.GetAsync(input.CaseId, ct))?.Status == RuntimeStatus.Suspended);
        Assert.Equal(CasePurgeOutcome.StillRunning, await cases.PurgeCaseAsync(input.CaseId, ct));

        var terminated = await cases.TerminateAsync(input.CaseId, new TerminateRequested("closed by test") { Actor = "op" }, ct);
        Assert.Equal(RuntimeStatus.Terminated, terminated.State!.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.Client.GetInstanceAsync(input.CaseId))!.RuntimeStatus);
        Assert.Equal(RuntimeStatus.Terminated, (await host.Store.GetAsync(input.CaseId, ct))!.Status);
        Assert.Equal(TimelineType.Terminated, (await host.Store.GetTimelineAsync(input.CaseId, ct))[^1].Type);
        Assert.StartsWith("the case is closed", (await cases.RaiseAsync(input.CaseId, new ResumeRequested { Actor = "op" }, ct)).Rejection, StringComparison.Ordinal);

        Assert.Equal(CasePurgeOutcome.Purged, await cases.PurgeCaseAsync(input.CaseId, ct));
        Assert.Null(await host.Client.GetInstanceAsync(input.CaseId));
        Assert.Null(await host.Store.GetAsync(input.CaseId, ct));
        Assert.Equal(CasePurgeOutcome.NotFound, await cases.PurgeCaseAsync(input.CaseId, ct));
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the case did not get there in time");
            await Task.Delay(200);
        }
    }
}
