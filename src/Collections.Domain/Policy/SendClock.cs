namespace Collections.Domain.Policy;

/// <summary>
/// Turns calendar days into send instants in a debtor's time zone: window openings, business
/// days, and the first compliant instant at or after a given one (domain.md section 4, rule 1).
/// </summary>
public sealed class SendClock
{
    private readonly TimeZoneInfo _zone;
    private readonly SendWindow _window;
    private readonly BusinessCalendar _calendar;

    /// <summary>Creates a clock for one debtor.</summary>
    public SendClock(TimeZoneInfo zone, SendWindow window, BusinessCalendar calendar)
    {
        _zone = zone;
        _window = window;
        _calendar = calendar;
    }

    /// <summary>The debtor's time zone.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>The debtor's business calendar.</summary>
    public BusinessCalendar Calendar => _calendar;

    /// <summary>A clock for a debtor's IANA zone and country under a policy.</summary>
    public static SendClock For(DunningPolicy policy, string timeZoneId, string? country) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), policy.SendWindow, policy.CalendarFor(country));

    /// <summary>The calendar date of an instant in the debtor's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>The instant expressed with the debtor's UTC offset.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>The instant a local date and time occur; a time skipped by a DST change moves forward.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        // For an ambiguous time (clocks going back) the earlier instant is the daylight one: the larger offset.
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Local midnight starting a date.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The opening of the send window on a date (whether or not it is a business day).</summary>
    public DateTimeOffset WindowOpening(DateOnly date) => At(date, _window.Open);

    /// <summary>
    /// The first instant at or after <paramref name="earliest"/> that lies inside the send window on a
    /// business day: the instant itself when it already does, else the next window opening.
    /// </summary>
    public DateTimeOffset NextSendInstant(DateTimeOffset earliest)
    {
        var local = ToLocal(earliest);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (_calendar.IsBusinessDay(date) && _window.Contains(time))
        {
            return local;
        }

        var day = _calendar.IsBusinessDay(date) && time < _window.Open ? date : _calendar.OnOrAfter(date.AddDays(1));
        return ToLocal(WindowOpening(day));
    }

    /// <summary>Why <paramref name="earliest"/> is not itself a send instant, or null when it is.</summary>
    public string? WhyNotSendable(DateTimeOffset earliest)
    {
        var local = ToLocal(earliest);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (!_calendar.IsBusinessDay(date))
        {
            return DeferralReasons.NonBusinessDay;
        }

        return _window.Contains(TimeOnly.FromDateTime(local.DateTime)) ? null : DeferralReasons.OutsideSendWindow;
    }
}
