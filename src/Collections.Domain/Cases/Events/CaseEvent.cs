namespace Collections.Domain.Cases.Events;

/// <summary>Something that happens to a case. <see cref="Actor"/> names who did it (an operator, "ledger", "system").</summary>
public abstract record CaseEvent
{
    /// <summary>Who caused the event; recorded on the timeline.</summary>
    public string? Actor { get; init; }
}
