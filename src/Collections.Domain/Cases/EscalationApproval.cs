namespace Collections.Domain.Cases;

/// <summary>An escalation approval request and its answer.</summary>
public sealed record EscalationApproval(DateTimeOffset RequestedAt, ApprovalDecision Decision, bool ReminderSent);
