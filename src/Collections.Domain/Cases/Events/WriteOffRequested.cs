
namespace Collections.Domain.Cases.Events;

/// <summary>The debt is written off; the case completes.</summary>
public sealed record WriteOffRequested(string Reason) : CaseEvent;
