using System.Collections.Frozen;
using System.Text.Json;
using Collections.Domain.Cases.Events;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// A domain event as it travels to a case orchestration: the event's type name and its JSON. One event
/// name (<see cref="CaseTasks.SignalEvent"/>) carries every kind, so signals queue in arrival order and no
/// waiter is left behind when a timer wins.
/// </summary>
public sealed record CaseSignal(string Type, string Payload)
{
    private static readonly FrozenDictionary<string, Type> Types = new[]
    {
        typeof(SnapshotApplied), typeof(PromiseMade), typeof(DisputeRaised), typeof(DisputeSettled), typeof(PauseRequested),
        typeof(ResumeRequested), typeof(EscalateNowRequested), typeof(EscalationApproved), typeof(EscalationRejected),
        typeof(WriteOffRequested), typeof(DoNotContactChanged), typeof(RetryRequested), typeof(TerminateRequested),
    }.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Wraps an event.</summary>
    public static CaseSignal From(CaseEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (!Types.ContainsKey(evt.GetType().Name))
        {
            throw new ArgumentException($"{evt.GetType().Name} is not signalled to a case.", nameof(evt));
        }

        return new CaseSignal(evt.GetType().Name, JsonSerializer.Serialize(evt, evt.GetType(), CaseJson.Options));
    }

    /// <summary>The event, or null when the type is unknown (a signal from a newer version).</summary>
    public CaseEvent? ToEvent() =>
        Types.TryGetValue(Type, out var type) ? (CaseEvent?)JsonSerializer.Deserialize(Payload, type, CaseJson.Options) : null;
}
