using Collections.Domain.Cases.Effects;

namespace Collections.Domain.Cases;

/// <summary>
/// The result of applying an event: the new state and the effects to execute, or a rejection
/// (state unchanged, no effects) saying why the event does not apply, or an accepted event that changes
/// nothing (state unchanged, no effects, <see cref="NoChange"/> saying why).
/// </summary>
public sealed record CaseTransition(CaseState State, IReadOnlyList<CaseEffect> Effects, string? Rejection = null)
{
    /// <summary>Whether the event was accepted.</summary>
    public bool Accepted => Rejection is null;

    /// <summary>Why an accepted event changes nothing (the case already is what it asks for), or null when it changed the case.</summary>
    public string? NoChange { get; init; }

    /// <summary>The timeline entries among the effects.</summary>
    public IEnumerable<TimelineEntry> Timeline => Effects.OfType<AppendTimeline>().Select(a => a.Entry);
}
