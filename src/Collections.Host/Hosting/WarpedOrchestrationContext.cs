using Collections.Pipeline.Clock;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Collections.Host.Hosting;

/// <summary>
/// A <see cref="TaskOrchestrationContext"/> that shows the orchestration a sped-up clock, the same
/// <see cref="AcceleratedTimeProvider"/> the API and ingest read: <see cref="CurrentUtcDateTime"/> is the virtual instant
/// of the real (replayed) one and a timer for a virtual instant is a durable timer for its real instant; everything else
/// goes to the real context unchanged. Lets the local host's fast clock (Clock:Speed, the
/// demo), the chaos run and the benchmark drive the real case orchestrator through a ladder of days in minutes on the
/// real runtime. Hand-written: the SDK has no clock hook, and its in-memory test host has no virtual time (durable.md).
/// </summary>
internal sealed class WarpedOrchestrationContext(TaskOrchestrationContext inner, AcceleratedTimeProvider clock) : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    // The replayed instant is UTC whatever its Kind says; the virtual one is handed out as a UTC DateTime.
    public override DateTime CurrentUtcDateTime => clock.ToVirtual(new DateTimeOffset(DateTime.SpecifyKind(inner.CurrentUtcDateTime, DateTimeKind.Utc))).UtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    // The inner context's factory is protected: replay-safe loggers of a warped orchestration log nowhere (the case orchestrator logs nothing).
    protected override ILoggerFactory LoggerFactory => NullLoggerFactoryInstance;

    private static ILoggerFactory NullLoggerFactoryInstance => Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    public override T? GetInput<T>()
        where T : default => inner.GetInput<T>();

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        inner.CreateTimer(clock.ToReal(new DateTimeOffset(fireAt.ToUniversalTime())).UtcDateTime, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();
}
