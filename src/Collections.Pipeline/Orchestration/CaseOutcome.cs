namespace Collections.Pipeline.Orchestration;

/// <summary>What a case orchestration ended with: the final runtime status and stage, or why no case opened.</summary>
public sealed record CaseOutcome(string CaseId, string Status, string Stage, string? Reason);
