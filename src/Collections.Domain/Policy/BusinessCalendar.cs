namespace Collections.Domain.Policy;

/// <summary>
/// Which calendar days are business days: the working weekdays, minus holidays, plus extra working
/// days (some countries, e.g. China, move working days onto weekends around holidays).
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>Creates a calendar.</summary>
    public BusinessCalendar(IEnumerable<DayOfWeek> workingDays, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays)
    {
        WorkingDays = workingDays.ToHashSet();
        Holidays = holidays.ToHashSet();
        ExtraWorkingDays = extraWorkingDays.ToHashSet();
    }

    /// <summary>Monday to Friday, no holidays.</summary>
    public static BusinessCalendar WeekdaysOnly { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], [], []);

    /// <summary>The normally working weekdays.</summary>
    public IReadOnlySet<DayOfWeek> WorkingDays { get; }

    /// <summary>Days that are not business days although their weekday normally is.</summary>
    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Days that are business days although their weekday normally is not.</summary>
    public IReadOnlySet<DateOnly> ExtraWorkingDays { get; }

    /// <summary>Whether a date is a business day.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        ExtraWorkingDays.Contains(date) || (WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date));

    /// <summary>The date itself when it is a business day, else the next business day.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        // A calendar with at least one working weekday (validated) always finds one within a few weeks;
        // the bound only guards against a pathological holiday list.
        for (var i = 0; i < 3660; i++)
        {
            var d = date.AddDays(i);
            if (IsBusinessDay(d))
            {
                return d;
            }
        }

        throw new InvalidOperationException($"No business day within ten years after {date:yyyy-MM-dd}.");
    }

    /// <summary>The date <paramref name="businessDays"/> business days after <paramref name="date"/>.</summary>
    public DateOnly AddBusinessDays(DateOnly date, int businessDays)
    {
        var d = date;
        for (var added = 0; added < businessDays;)
        {
            d = d.AddDays(1);
            if (IsBusinessDay(d))
            {
                added++;
            }
        }

        return d;
    }
}
