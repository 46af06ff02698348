namespace Collections.Domain.Cases.Effects;

/// <summary>The case ended: Resolved, WrittenOff or Terminated.</summary>
public sealed record CloseCase(CaseStage? FinalStage, RuntimeStatus Status, string Reason) : CaseEffect;
