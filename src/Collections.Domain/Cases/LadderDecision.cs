namespace Collections.Domain.Cases;

/// <summary>
/// The ladder step a case should take next: <see cref="Natural"/> is when its day comes (or now,
/// when it is already past), <see cref="FireAt"/> when it may actually go out after the window,
/// business-day, minimum-gap and final-notice rules. <see cref="Reason"/> explains a difference;
/// <see cref="Blocked"/> says why it cannot be scheduled at all (awaiting or rejected approval).
/// </summary>
internal sealed record LadderDecision(CaseStage Stage, DateTimeOffset Natural, DateTimeOffset FireAt, string? Reason, string? Blocked = null);
