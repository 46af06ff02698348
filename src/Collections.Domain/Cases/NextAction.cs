namespace Collections.Domain.Cases;

/// <summary>What wakes a case next, and when. The engine arms a durable timer for <see cref="At"/>.</summary>
public sealed record NextAction(NextActionKind Kind, DateTimeOffset At, CaseStage? Stage = null);
