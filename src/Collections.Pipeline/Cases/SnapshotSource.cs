namespace Collections.Pipeline.Cases;

/// <summary>The ledger file a snapshot comes from.</summary>
public sealed record SnapshotSource(DateOnly AsOf, string FileName, string Sha256)
{
    /// <summary>The instant a snapshot with this as-of date takes effect: 00:00 UTC (domain.md, rule 4).</summary>
    public DateTimeOffset EffectiveAt => new(AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
