namespace Collections.Pipeline.Orchestration;

/// <summary>Input of <see cref="CaseTasks.WriteEvidence"/>: the case state (JSON) and the orchestration's instant.</summary>
public sealed record WriteEvidenceRequest(string CaseId, string State, DateTimeOffset At);
