using Collections.Domain.Cases;

namespace Collections.Pipeline.Simulation;

/// <summary>A case at the end of a simulation with its whole timeline.</summary>
public sealed record SimulatedCase(CaseState State, IReadOnlyList<TimelineEntry> Timeline);
