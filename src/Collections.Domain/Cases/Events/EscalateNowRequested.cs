
namespace Collections.Domain.Cases.Events;

/// <summary>An operator escalates now, skipping the ladder's remaining days and any approval.</summary>
public sealed record EscalateNowRequested(string? Reason) : CaseEvent;
