
namespace Collections.Domain.Cases.Events;

/// <summary>Processing the case failed repeatedly (poison message); the case becomes Failed.</summary>
public sealed record ProcessingFailed(string Error) : CaseEvent;
