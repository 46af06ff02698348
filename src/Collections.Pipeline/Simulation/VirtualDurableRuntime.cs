using System.Text.Json;
using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;

namespace Collections.Pipeline.Simulation;

/// <summary>
/// Runs case orchestrations (the production <see cref="CaseOrchestrator"/> and activities) on a virtual
/// clock in one thread: <see cref="FireNextTimer"/> moves the clock to the earliest pending durable timer and
/// fires it; signals are delivered at the current instant. 90 days of a ladder run in milliseconds.
/// Hand-written: the Durable Task SDK's in-memory test host has no virtual clock (durable.md).
/// </summary>
public sealed class VirtualDurableRuntime
{
    private readonly TaskOrchestrator<CaseInput, CaseOutcome?> _orchestrator;
    private readonly Dictionary<string, ITaskActivity> _activities;
    private readonly Dictionary<string, VirtualInstance> _instances = new(StringComparer.Ordinal);
    private long _order;

    /// <summary>Creates a runtime starting at <paramref name="start"/> with the orchestrator and its activities by name.</summary>
    public VirtualDurableRuntime(TaskOrchestrator<CaseInput, CaseOutcome?> orchestrator, IReadOnlyDictionary<string, ITaskActivity> activities, DateTimeOffset start)
    {
        _orchestrator = orchestrator;
        _activities = new Dictionary<string, ITaskActivity>(activities, StringComparer.Ordinal);
        Now = start;
    }

    /// <summary>The virtual clock.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Activity calls made so far, by name.</summary>
    public IReadOnlyDictionary<string, int> ActivityCalls => _calls;

    /// <summary>When the earliest pending timer fires, or null.</summary>
    public DateTimeOffset? NextTimerAt =>
        _instances.Values.SelectMany(i => i.Timers).OrderBy(t => t.At).ThenBy(t => t.Order).FirstOrDefault()?.At;

    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Moves the clock forward (never back).</summary>
    public void AdvanceTo(DateTimeOffset instant) => Now = instant > Now ? instant : Now;

    /// <summary>Whether an instance exists and has not completed.</summary>
    public bool IsRunning(string instanceId) => _instances.TryGetValue(instanceId, out var i) && !i.Completed;

    /// <summary>Whether an instance exists (running or completed).</summary>
    public bool Exists(string instanceId) => _instances.ContainsKey(instanceId);

    /// <summary>An instance's output once it completed.</summary>
    public CaseOutcome? OutputOf(string instanceId) => _instances.TryGetValue(instanceId, out var i) ? i.Output : null;

    /// <summary>An instance's custom status.</summary>
    public object? CustomStatusOf(string instanceId) => _instances.TryGetValue(instanceId, out var i) ? i.CustomStatus : null;

    /// <summary>How many generations (ContinueAsNew) an instance has run.</summary>
    public int GenerationsOf(string instanceId) => _instances.TryGetValue(instanceId, out var i) ? i.Generations : 0;

    /// <summary>Instances whose orchestrator threw, with the error.</summary>
    public IEnumerable<(string InstanceId, string Error)> Failures =>
        _instances.Values.Where(i => i.Failure is not null).Select(i => (i.Id, i.Failure!));

    /// <summary>Starts an instance; an existing id is refused as the real backend does.</summary>
    public void Start(string instanceId, CaseInput input)
    {
        if (_instances.ContainsKey(instanceId))
        {
            throw new InvalidOperationException($"An orchestration with instance id {instanceId} already exists.");
        }

        var instance = new VirtualInstance(instanceId, RoundTrip(input), _order++);
        _instances[instanceId] = instance;
        Step(() => Run(instance));
    }

    /// <summary>Raises a signal on an instance; a completed instance drops it, as the real backend does. Returns whether it was delivered or queued.</summary>
    public bool Raise(string instanceId, CaseSignal signal)
    {
        if (!_instances.TryGetValue(instanceId, out var instance) || instance.Completed)
        {
            return false;
        }

        var copy = RoundTrip(signal);
        if (instance.Waiter is { } waiter)
        {
            instance.Waiter = null;
            Step(() =>
            {
                waiter.TrySetResult(copy);
                Settle(instance);
            });
        }
        else
        {
            instance.Buffered.Enqueue(copy);
        }

        return true;
    }

    /// <summary>Moves the clock to the earliest pending timer and fires it; false when none is pending before <paramref name="until"/>.</summary>
    public bool FireNextTimer(DateTimeOffset until)
    {
        var next = _instances.Values.SelectMany(i => i.Timers.Select(t => (Instance: i, Timer: t))).OrderBy(x => x.Timer.At).ThenBy(x => x.Timer.Order).FirstOrDefault();
        if (next.Timer is null || next.Timer.At > until)
        {
            return false;
        }

        AdvanceTo(next.Timer.At);
        next.Instance.Timers.Remove(next.Timer);
        Step(() =>
        {
            next.Timer.Source.TrySetResult();
            Settle(next.Instance);
        });
        return true;
    }

    internal VirtualTimer AddTimer(VirtualInstance instance, DateTimeOffset at)
    {
        var timer = new VirtualTimer(at, _order++, new TaskCompletionSource());
        instance.Timers.Add(timer);
        return timer;
    }

    internal async Task<object?> RunActivityAsync(TaskName name, string instanceId, object? input)
    {
        var activity = _activities.TryGetValue(name.Name, out var a) ? a : throw new InvalidOperationException($"Activity {name.Name} is not registered.");
        _calls[name.Name] = _calls.GetValueOrDefault(name.Name) + 1;
        var typed = input is null ? null : JsonSerializer.Deserialize(JsonSerializer.Serialize(input), activity.InputType);
        try
        {
            return await activity.RunAsync(new VirtualActivityContext(name, instanceId), typed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new TaskFailedException(name.Name, 0, ex);
        }
    }

    private void Run(VirtualInstance instance)
    {
        instance.Generations++;
        instance.ContinuedWith = null;
        instance.Run = _orchestrator.RunAsync(new VirtualOrchestrationContext(this, instance), instance.Input);
        Settle(instance);
    }

    /// <summary>After the orchestrator ran until it waits: a finished generation either continues as new (keeping buffered signals) or completes.</summary>
    private void Settle(VirtualInstance instance)
    {
        if (instance.Run is not { IsCompleted: true } run)
        {
            return;
        }

        if (run.IsFaulted)
        {
            instance.Completed = true;
            instance.Failure = run.Exception!.InnerException!.Message;
            return;
        }

        if (instance.ContinuedWith is { } next)
        {
            instance.Input = next;
            instance.Timers.Clear();
            instance.Waiter = null;
            Run(instance);
            return;
        }

        instance.Completed = true;
        instance.Output = run.Result;
        instance.Timers.Clear();
    }

    /// <summary>Runs orchestrator code with no synchronization context, so every continuation runs inline, in order.</summary>
    private static void Step(Action action)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value))!;
}
