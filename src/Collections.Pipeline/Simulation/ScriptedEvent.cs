using Collections.Domain.Cases.Events;

namespace Collections.Pipeline.Simulation;

/// <summary>An operator or debtor action scripted into a simulation: the event for an account at an instant.</summary>
public sealed record ScriptedEvent(DateTimeOffset At, string Entity, string CustomerId, CaseEvent Event);
