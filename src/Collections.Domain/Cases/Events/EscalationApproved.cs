
namespace Collections.Domain.Cases.Events;

/// <summary>An operator approves a pending escalation.</summary>
public sealed record EscalationApproved : CaseEvent;
