
namespace Collections.Domain.Cases.Events;

/// <summary>A durable timer fired.</summary>
public sealed record TimerDue : CaseEvent;
