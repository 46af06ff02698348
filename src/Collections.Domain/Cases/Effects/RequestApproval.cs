namespace Collections.Domain.Cases.Effects;

/// <summary>Ask an operator to approve escalation.</summary>
public sealed record RequestApproval(DateTimeOffset RequestedAt) : CaseEffect;
