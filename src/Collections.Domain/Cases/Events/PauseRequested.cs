
namespace Collections.Domain.Cases.Events;

/// <summary>An operator pauses the case, optionally until an instant.</summary>
public sealed record PauseRequested(string Reason, DateTimeOffset? Until) : CaseEvent;
