namespace Collections.Pipeline.Queries;

/// <summary>
/// A reporting period: the ledgers as of <see cref="From"/> open it and those as of <see cref="To"/> close it;
/// events are counted when their date (UTC) falls in [From, To].
/// </summary>
public sealed record KpiPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Days between the opening and the closing date (at least 1): the DSO divisor.</summary>
    public int Days => Math.Max(1, To.DayNumber - From.DayNumber);

    /// <summary>Whether an instant's UTC date falls in the period.</summary>
    public bool Contains(DateTimeOffset at) => Contains(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>Whether a date falls in the period.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
