
namespace Collections.Domain.Cases.Events;

/// <summary>An operator terminates the case.</summary>
public sealed record TerminateRequested(string Reason) : CaseEvent;
