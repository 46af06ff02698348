namespace Collections.Domain.Cases;

/// <summary>The next ladder step and the instant (with the debtor's UTC offset) its notice goes out.</summary>
public sealed record PlannedStep(CaseStage Stage, DateTimeOffset At);
