namespace Collections.Pipeline.Queries;

/// <summary>A count ratio; <see cref="Rate"/> is null when the denominator is zero (nothing to measure).</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    /// <summary>Numerator / denominator, from 0 to 1, rounded to 4 decimals; null when there is nothing to measure.</summary>
    public decimal? Rate => Denominator == 0 ? null : Math.Round((decimal)Numerator / Denominator, 4, MidpointRounding.AwayFromZero);
}
