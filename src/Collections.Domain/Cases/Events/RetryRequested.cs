
namespace Collections.Domain.Cases.Events;

/// <summary>An operator retries a failed case.</summary>
public sealed record RetryRequested : CaseEvent;
