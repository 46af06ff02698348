using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Collections.Operations.Apis;

/// <summary>
/// A <c>from</c>/<c>to</c> date range from the query string (yyyy-MM-dd, inclusive). Dates are limited to
/// 1900-01-01..2999-12-31 so that no computation on them (a default start 30 days back, a look-back of years for
/// opening balances) can leave the calendar; the range to 10 years.
/// </summary>
internal sealed record ApiPeriod(DateOnly From, DateOnly To)
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);
    private const int MaxDays = 3660;

    /// <summary>Parses the range; a missing <c>to</c> is <paramref name="today"/>, a missing <c>from</c> <paramref name="defaultDays"/> before <c>to</c>.</summary>
    public static bool TryParse(string? from, string? to, DateOnly today, int defaultDays, [NotNullWhen(true)] out ApiPeriod? period, out (string Field, string Message) error)
    {
        period = null;
        error = default;
        if (!TryDate(to, "to", out var end, ref error) || !TryDate(from, "from", out var start, ref error))
        {
            return false;
        }

        var last = end ?? Clamp(today);
        var first = start ?? (last.DayNumber - Earliest.DayNumber >= defaultDays ? last.AddDays(-defaultDays) : Earliest);
        if (first > last)
        {
            error = ("from", $"must not be after to ({Iso(first)} > {Iso(last)})");
            return false;
        }

        if (last.DayNumber - first.DayNumber > MaxDays)
        {
            error = ("from", "the period is limited to 10 years");
            return false;
        }

        period = new ApiPeriod(first, last);
        return true;
    }

    private static bool TryDate(string? value, string field, out DateOnly? date, ref (string Field, string Message) error)
    {
        date = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error = (field, $"'{(value.Length <= 40 ? value : value[..40] + "…")}' is not a date (yyyy-MM-dd)");
            return false;
        }

        if (parsed < Earliest || parsed > Latest)
        {
            error = (field, $"must be between {Iso(Earliest)} and {Iso(Latest)}");
            return false;
        }

        date = parsed;
        return true;
    }

    private static DateOnly Clamp(DateOnly d) => d < Earliest ? Earliest : d > Latest ? Latest : d;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
