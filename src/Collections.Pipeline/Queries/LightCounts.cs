namespace Collections.Pipeline.Queries;

/// <summary>Open cases by traffic light.</summary>
public sealed record LightCounts(int Green, int Yellow, int Red);
