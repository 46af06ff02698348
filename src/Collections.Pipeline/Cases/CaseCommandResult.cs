using Collections.Domain.Cases;

namespace Collections.Pipeline.Cases;

/// <summary>The outcome of raising an event on a case.</summary>
public sealed record CaseCommandResult(CaseState? State, string? Rejection, bool NotFound = false)
{
    /// <summary>Whether the event was applied.</summary>
    public bool Accepted => State is not null && Rejection is null && !NotFound;

    /// <summary>Why an accepted event changed nothing (nothing was committed), or null when it changed the case.</summary>
    public string? NoChange { get; init; }
}
