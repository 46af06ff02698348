using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.Host.Tests.Durable;

/// <summary>
/// Cases through the real local Durable runtime (Azure Storage backend on Azurite, gRPC sidecar, SDK worker
/// and client) with a ladder of short offsets. Waits poll with a generous deadline that only bounds a failure.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class LocalDurableRuntimeTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Deadline = DurableWait.Deadline;

    [Fact]
    public async Task Case_OperatorActionsThenTerminateAndPurge_RunThroughTheTaskHub()
    {
        var sender = new CountingEmailSender();
        await using var host = await LocalDurableHost.StartAsync(azurite, Unique("hub"), "worker-a", Unique("cases"), sender);
        var input = ShortLadder.NewCase(host.Policies, "K-E2E", daysOverdue: 1);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId));
        await Until(() => sender.Sent.Count == 1 && Status(host, input.CaseId).Result?.Stage == "Reminder", () => $"sent {sender.Sent.Count}, status {host.Client.GetInstanceAsync(input.CaseId, getInputsAndOutputs: true).Result?.SerializedCustomStatus}");

        await Signal(host, input.CaseId, new PauseRequested("debtor on holiday", null) { Actor = "op" });
        await Until(() => Status(host, input.CaseId).Result?.Status == "Suspended");
        await Signal(host, input.CaseId, new ResumeRequested { Actor = "op" });
        await Until(() => Status(host, input.CaseId).Result?.Status == "Running");
        await Signal(host, input.CaseId, new EscalateNowRequested("no answer") { Actor = "op" });
        await Until(() => sender.Sent.Count == 3 && Status(host, input.CaseId).Result?.Stage == "Escalated");

        var instance = await host.Client.GetInstanceAsync(input.CaseId, getInputsAndOutputs: true);
        Assert.Equal((CaseTasks.Orchestrator, OrchestrationRuntimeStatus.Running), (instance!.Name, instance.RuntimeStatus));
        var projected = await host.Store.GetAsync(input.CaseId, CancellationToken.None);
        Assert.Equal([CaseStage.Reminder, CaseStage.Escalated], projected!.StepsTaken.Keys.Order());
        Assert.Equal(3, sender.Sent.Select(m => m.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());

        await host.Client.TerminateInstanceAsync(input.CaseId, "closed by test");
        var terminated = await host.Client.WaitForInstanceCompletionAsync(input.CaseId, new CancellationTokenSource(Deadline).Token);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);

        var purge = await host.Client.PurgeInstanceAsync(input.CaseId);
        Assert.Equal(1, purge.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(input.CaseId));
    }

    [Fact]
    public async Task Cases_TwoHostsRacingOnOneHub_EveryStepSentOnce()
    {
        const int Cases = 8;
        var sender = new CountingEmailSender();
        var (hub, table) = (Unique("race"), Unique("racecases"));
        await using var a = await LocalDurableHost.StartAsync(azurite, hub, "worker-a", table, sender);
        await using var b = await LocalDurableHost.StartAsync(azurite, hub, "worker-b", table, sender);

        // Ten days overdue: the catch-up takes the final notice at once; the ladder's escalation waits for the final
        // notice's deadline (at least a day), so operators escalate now, through either host: escalation and legal hand-off.
        var inputs = Enumerable.Range(1, Cases).Select(i => ShortLadder.NewCase(a.Policies, $"K-R{i}", daysOverdue: 10)).ToList();
        foreach (var input in inputs)
        {
            await (input.CustomerId!.EndsWith('1') ? b : a).Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId));
        }

        await Until(() => sender.Sent.Count >= Cases && inputs.All(i => Status(a, i.CaseId).Result?.Stage == "FinalNotice"));
        foreach (var input in inputs)
        {
            await Signal(input.CustomerId!.EndsWith('2') ? b : a, input.CaseId, new EscalateNowRequested("no answer") { Actor = "op" });
        }

        await Until(() => sender.Sent.Count >= Cases * 3 && inputs.All(i => Status(a, i.CaseId).Result?.Stage == "Escalated"));

        var perCase = sender.Sent.GroupBy(m => m.IdempotencyKey.Split('/')[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(inputs.Select(i => i.CaseId).Order(StringComparer.Ordinal), perCase.Keys.Order(StringComparer.Ordinal));
        Assert.All(perCase.Values, count => Assert.Equal(3, count));
        Assert.Equal(sender.Sent.Count, sender.Sent.Select(m => m.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task<CaseCustomStatus?> Status(LocalDurableHost host, string caseId)
    {
        var instance = await host.Client.GetInstanceAsync(caseId, getInputsAndOutputs: true);
        return instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<CaseCustomStatus>();
    }

    private static Task Signal(LocalDurableHost host, string caseId, CaseEvent evt) =>
        host.Client.RaiseEventAsync(caseId, CaseTasks.SignalEvent, CaseSignal.From(evt));

    private static async Task Until(Func<bool> condition, Func<string>? describe = null)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the case did not get there in time: " + describe?.Invoke());
            await Task.Delay(200);
        }
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
