namespace Collections.Pipeline.Cases;

/// <summary>The ledger file a snapshot comes from.</summary>
public sealed record SnapshotSource(DateOnly AsOf, string FileName, string Sha256)
{
    /// <summary>The instant a snapshot with this as-of date takes effect: 00:00 UTC (domain.md, rule 4).</summary>
    public DateTimeOffset EffectiveAt => EffectiveAtOf(AsOf);

    /// <summary>00:00 UTC of an as-of date.</summary>
    public static DateTimeOffset EffectiveAtOf(DateOnly asOf) => new(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
