using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Notices.Email;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.Host.Tests.Durable;

/// <summary>
/// The two retries an operator has, through <see cref="CaseInstances.RetryAsync"/> on the real local Durable runtime
/// (Azurite): a step that failed after the activity's retries (the instance waits, failed in the domain), and an
/// instance that itself failed (restarted by the SDK under the same id). Waits poll with a deadline that only bounds a failure.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class CaseRetryTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Deadline = DurableWait.Deadline;

    [Fact]
    public async Task RetryAsync_StepFailedAfterItsRetries_SignalledCaseSendsTheNoticeOnce()
    {
        // Five transient failures: every attempt of the activity's retry policy, then the case fails.
        var sender = new FlakyEmailSender(failures: 5);
        await using var host = await LocalDurableHost.StartAsync(azurite, Unique("rhub"), "worker-r", Unique("rcases"), sender);
        var input = ShortLadder.NewCase(host.Policies, "K-STEP", daysOverdue: 1);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId));
        await Until(async () => (await host.Store.GetAsync(input.CaseId, CancellationToken.None))?.Status == RuntimeStatus.Failed);
        Assert.Empty(sender.Sent);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(input.CaseId))!.RuntimeStatus);

        var retried = await new CaseInstances(host.Client, host.Store, host.Policies, TimeProvider.System).RetryAsync(input.CaseId, "op", CancellationToken.None);

        Assert.Null(retried.Rejection);
        await Until(() => Task.FromResult(sender.Sent.Count == 1));
        await Until(async () => (await host.Store.GetOutboxAsync(input.CaseId, CancellationToken.None)).All(r => r.Status == OutboxStatus.Sent));
        var timeline = await host.Store.GetTimelineAsync(input.CaseId, CancellationToken.None);
        Assert.Equal([TimelineType.Failed, TimelineType.Retried, TimelineType.NoticeSent], timeline.Where(e => e.Type is TimelineType.Failed or TimelineType.Retried or TimelineType.NoticeSent).Select(e => e.Type));
        Assert.NotEqual(RuntimeStatus.Failed, (await host.Store.GetAsync(input.CaseId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RetryAsync_InstanceFailed_RestartedUnderTheSameIdAndGoesOnWithoutResending()
    {
        var sender = new FlakyEmailSender(failures: 0);
        await using var host = await LocalDurableHost.StartAsync(azurite, Unique("shub"), "worker-s", Unique("scases"), sender);
        var input = ShortLadder.NewCase(host.Policies, "K-RESTART", daysOverdue: 1);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId));
        await Until(() => Task.FromResult(sender.Sent.Count == 1));

        // A signal the orchestrator cannot read: the orchestration itself fails (not a failed step).
        await host.Client.RaiseEventAsync(input.CaseId, CaseTasks.SignalEvent, new CaseSignal(nameof(PauseRequested), "{not json"));
        var failed = await host.Client.WaitForInstanceCompletionAsync(input.CaseId, new CancellationTokenSource(Deadline).Token);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);

        var retried = await new CaseInstances(host.Client, host.Store, host.Policies, TimeProvider.System).RetryAsync(input.CaseId, "op", CancellationToken.None);

        Assert.Null(retried.Rejection);
        await Until(async () =>
        {
            try
            {
                return (await host.Client.GetInstanceAsync(input.CaseId))!.RuntimeStatus == OrchestrationRuntimeStatus.Running;
            }
            catch (Grpc.Core.RpcException)
            {
                // The preview sidecar's status read can fail once while it restarts the instance (seen here): read again.
                return false;
            }
        });
        var restarted = (await host.Client.GetInstanceAsync(input.CaseId))!;
        Assert.True(restarted.CreatedAt >= failed.LastUpdatedAt, "the instance was not started again");

        // The restarted instance takes signals again, and its first notice (sent before the failure) is not sent twice.
        var paused = await new CaseInstances(host.Client, host.Store, host.Policies, TimeProvider.System).RaiseAsync(input.CaseId, new PauseRequested("restarted", null) { Actor = "op" }, CancellationToken.None);
        Assert.Null(paused.Rejection);
        await Until(async () => (await host.Store.GetAsync(input.CaseId, CancellationToken.None))?.Status == RuntimeStatus.Suspended);
        Assert.Single(sender.Sent);
        Assert.All(await host.Store.GetOutboxAsync(input.CaseId, CancellationToken.None), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the case did not get there in time");
            await Task.Delay(200);
        }
    }

    /// <summary>Fails the first <c>failures</c> sends transiently, then accepts and keeps every e-mail.</summary>
    private sealed class FlakyEmailSender(int failures) : IEmailSender
    {
        private readonly List<EmailMessage> _sent = [];
        private int _calls;

        public IReadOnlyList<EmailMessage> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= failures)
            {
                return Task.FromResult(SendResult.Transient(null, "Unavailable", "test: the provider is down"));
            }

            lock (_sent)
            {
                _sent.Add(message);
            }

            return Task.FromResult(SendResult.Sent("msg-" + message.OperationId.ToString("N")));
        }
    }
}
