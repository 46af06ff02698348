using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>
/// The case orchestrator against <c>Mock&lt;TaskOrchestrationContext&gt;</c>, as the Durable Task samples test
/// orchestrators: activities are recorded (and can fail), the test fires the pending timer or raises a signal.
/// Each step runs without a synchronization context so the orchestrator's continuations run inline.
/// </summary>
internal sealed class MockedCase
{
    private readonly List<TaskCompletionSource> _timers = [];
    private TaskCompletionSource? _timer;
    private TaskCompletionSource<CaseSignal>? _signal;

    public MockedCase(DateTimeOffset now)
    {
        Now = now;
        Context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now.UtcDateTime);
        Context.SetupGet(c => c.InstanceId).Returns("c-test");
        Context.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? _) => Call(name, input, true));
        Context.Setup(c => c.CallActivityAsync<string>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? _) => Call(name, input, "Sent"));
        Context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns((DateTime at, CancellationToken ct) =>
        {
            var timer = new TaskCompletionSource();
            ct.Register(() => timer.TrySetCanceled(ct));
            Timers.Add(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));
            _timer = timer;
            _timers.Add(timer);
            return timer.Task;
        });
        Context.Setup(c => c.WaitForExternalEvent<CaseSignal>(CaseTasks.SignalEvent, It.IsAny<CancellationToken>()))
            .Returns(() => Buffered.TryDequeue(out var buffered) ? Task.FromResult(buffered) : (_signal = new TaskCompletionSource<CaseSignal>()).Task);
        Context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(s => CustomStatus = s as CaseCustomStatus);
        Context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback<object?, bool>((input, preserve) =>
        {
            ContinuedWith = input as CaseInput;
            PreservedEvents = preserve;
        });
    }

    public Mock<TaskOrchestrationContext> Context { get; } = new();

    public DateTimeOffset Now { get; set; }

    public List<(string Name, object? Input)> Activities { get; } = [];

    public List<DateTimeOffset> Timers { get; } = [];

    public CaseCustomStatus? CustomStatus { get; private set; }

    public CaseInput? ContinuedWith { get; private set; }

    public bool PreservedEvents { get; private set; }

    /// <summary>Signals delivered to the episode before the orchestrator waits for them (the SDK's buffer): a wait completes at once.</summary>
    public Queue<CaseSignal> Buffered { get; } = new();

    /// <summary>An activity name whose calls fail (as after its retries ran out).</summary>
    public string? Failing { get; set; }

    public Task<CaseOutcome?>? Run { get; private set; }

    /// <summary>Whether the first timer armed was cancelled (a signal won the race).</summary>
    public bool FirstTimerCancelled => _timers.Count > 0 && _timers[0].Task.IsCanceled;

    /// <summary>Timeline rows written through SaveCase so far.</summary>
    public int SavedTimelineRows => Activities.Where(a => a.Name == CaseTasks.SaveCase)
        .Sum(a => JsonSerializer.Deserialize<List<TimelineEntry>>(((SaveCaseRequest)a.Input!).Timeline, CaseJson.Options)!.Count);

    public IEnumerable<string> Calls => Activities.Select(a => a.Name);

    /// <summary>The notices sent so far, by kind.</summary>
    public IEnumerable<NoticeKind> Sent => Activities.Where(a => a.Name == CaseTasks.SendNotice).Select(a => ((SendNoticeRequest)a.Input!).Notice.Kind);

    /// <summary>The state the last SaveCase call wrote.</summary>
    public CaseState Saved => JsonSerializer.Deserialize<CaseState>(((SaveCaseRequest)Activities.Last(a => a.Name == CaseTasks.SaveCase).Input!).State, CaseJson.Options)!;

    public void Start(CaseOrchestrator orchestrator, CaseInput input) => Inline(() => Run = orchestrator.RunAsync(Context.Object, input));

    public void FireTimer()
    {
        Now = Timers[^1];
        var timer = _timer!;
        Inline(() => timer.SetResult());
    }

    public void Raise(CaseEvent evt)
    {
        var signal = _signal!;
        Inline(() => signal.SetResult(CaseSignal.From(evt)));
    }

    private Task<T> Call<T>(TaskName name, object? input, T result)
    {
        Activities.Add((name.Name, input));
        return string.Equals(name.Name, Failing, StringComparison.Ordinal)
            ? Task.FromException<T>(new TaskFailedException(name.Name, Activities.Count, new InvalidOperationException("provider unavailable")))
            : Task.FromResult(result);
    }

    private static void Inline(Action action)
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
}
