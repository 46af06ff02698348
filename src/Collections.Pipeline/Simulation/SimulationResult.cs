namespace Collections.Pipeline.Simulation;

/// <summary>What a simulation produced: every case and the events that could not be applied.</summary>
public sealed record SimulationResult(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SimulatedCase> Cases, IReadOnlyList<string> Warnings);
