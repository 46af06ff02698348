using System.Text.Json;
using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Pipeline.Simulation;

/// <summary>
/// A deterministic <see cref="TaskOrchestrationContext"/> on a virtual clock: a timer completes when the
/// runtime moves the clock to its instant, signals are delivered when the runtime raises them, activities run
/// in-process at once. Inputs, outputs and signals go through JSON as they would on the wire.
/// Hand-written because the SDK's own test host has no virtual clock (durable.md).
/// </summary>
internal sealed class VirtualOrchestrationContext : TaskOrchestrationContext
{
    private readonly VirtualDurableRuntime _runtime;
    private readonly VirtualInstance _instance;
    private int _guids;

    public VirtualOrchestrationContext(VirtualDurableRuntime runtime, VirtualInstance instance)
    {
        _runtime = runtime;
        _instance = instance;
    }

    public override TaskName Name => CaseTasks.Orchestrator;

    public override string InstanceId => _instance.Id;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => _runtime.Now.UtcDateTime;

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override T GetInput<T>() => (T)(object)_instance.Input;

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var result = await _runtime.RunActivityAsync(name, _instance.Id, input);
        return result is null ? default! : JsonSerializer.Deserialize<TResult>(JsonSerializer.Serialize(result))!;
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException("Case orchestrations have no sub-orchestrations.");

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var timer = _runtime.AddTimer(_instance, new DateTimeOffset(DateTime.SpecifyKind(fireAt, DateTimeKind.Utc)));
        cancellationToken.Register(() =>
        {
            _instance.Timers.Remove(timer);
            timer.Source.TrySetCanceled(cancellationToken);
        });
        return timer.Source.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (typeof(T) != typeof(CaseSignal) || !string.Equals(eventName, CaseTasks.SignalEvent, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Case orchestrations wait for {CaseTasks.SignalEvent} only.");
        }

        if (_instance.Buffered.TryDequeue(out var buffered))
        {
            return Task.FromResult((T)(object)buffered);
        }

        var waiter = new TaskCompletionSource<CaseSignal>();
        _instance.Waiter = waiter;
        return (Task<T>)(object)waiter.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw new NotSupportedException("Case orchestrations do not send events.");

    public override void SetCustomStatus(object? customStatus) => _instance.CustomStatus = customStatus;

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _instance.ContinuedWith = JsonSerializer.Deserialize<CaseInput>(JsonSerializer.Serialize(newInput));

    public override Guid NewGuid() => new(++_guids, 0, 0, new byte[8]);
}
