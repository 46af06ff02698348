namespace Collections.Pipeline.Queries;

/// <summary>A count per ladder stage or notice kind.</summary>
public sealed record StageCount(string Stage, int Count);
