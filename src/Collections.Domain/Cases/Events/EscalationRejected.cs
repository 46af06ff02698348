
namespace Collections.Domain.Cases.Events;

/// <summary>An operator rejects a pending escalation.</summary>
public sealed record EscalationRejected(string? Reason) : CaseEvent;
