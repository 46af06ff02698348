using System.Runtime.InteropServices;

namespace Collections.Domain.Policy;

/// <summary>
/// How long a closed case stays in the live tables before it may move to the archive (domain.md section 7):
/// a calendar period of whole years or whole days, counted back from an instant. Years are calendar years,
/// not 365-day durations, so seven years back from 2033-03-01 is 2026-03-01.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct RetentionPeriod
{
    private RetentionPeriod(int years, int days)
    {
        Years = years;
        Days = days;
    }

    /// <summary>The default: seven years.</summary>
    public static RetentionPeriod Default { get; } = OfYears(7);

    /// <summary>Whole years (0 when the period is in days).</summary>
    public int Years { get; }

    /// <summary>Whole days (0 when the period is in years).</summary>
    public int Days { get; }

    /// <summary>A period of whole calendar years.</summary>
    public static RetentionPeriod OfYears(int years) =>
        new(years >= 1 ? years : throw new ArgumentOutOfRangeException(nameof(years), years, "must be at least 1"), 0);

    /// <summary>A period of whole days.</summary>
    public static RetentionPeriod OfDays(int days) =>
        new(0, days >= 1 ? days : throw new ArgumentOutOfRangeException(nameof(days), days, "must be at least 1"));

    /// <summary>The instant the period ends before <paramref name="now"/>: cases closed before it are past retention.</summary>
    public DateTimeOffset Before(DateTimeOffset now) => Years > 0 ? now.AddYears(-Years) : now.AddDays(-Days);

    /// <inheritdoc />
    public override string ToString() => Years > 0 ? $"{Years} years" : $"{Days} days";
}
