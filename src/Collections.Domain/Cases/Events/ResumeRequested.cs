
namespace Collections.Domain.Cases.Events;

/// <summary>An operator resumes a paused case.</summary>
public sealed record ResumeRequested : CaseEvent;
