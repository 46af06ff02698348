namespace Collections.Domain.Cases.Effects;

/// <summary>Append an entry to the case timeline.</summary>
public sealed record AppendTimeline(TimelineEntry Entry) : CaseEffect;
