using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Policy;

public sealed class SendClockTests
{
    private static readonly BusinessCalendar Calendar = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [D("2026-06-15")],
        [D("2026-06-20")]);

    [Theory]
    // Inside the window on a business day: at once.
    [InlineData("Europe/London", "2026-06-12T10:30:00Z", "2026-06-12T11:30:00+01:00")]
    // Before the window: the same day's opening.
    [InlineData("Europe/London", "2026-06-12T05:00:00Z", "2026-06-12T09:00:00+01:00")]
    // 20:00 local is already closed (window is [09:00, 20:00)): next business day.
    [InlineData("Europe/London", "2026-06-12T19:00:00Z", "2026-06-16T09:00:00+01:00")]
    // Friday night -> Monday is a holiday -> Tuesday.
    [InlineData("Asia/Shanghai", "2026-06-12T13:00:00Z", "2026-06-16T09:00:00+08:00")]
    // Saturday 2026-06-20 is an extra working day.
    [InlineData("Asia/Shanghai", "2026-06-19T23:30:00Z", "2026-06-20T09:00:00+08:00")]
    // New York: 00:00 UTC is 20:00 the previous evening, closed; next morning.
    [InlineData("America/New_York", "2026-06-12T00:00:00Z", "2026-06-12T09:00:00-04:00")]
    // London autumn DST change (2026-10-25): Saturday night -> Monday 09:00 GMT.
    [InlineData("Europe/London", "2026-10-24T20:00:00Z", "2026-10-26T09:00:00+00:00")]
    // New York DST ends 2026-11-01: Friday evening -> Monday 09:00 EST.
    [InlineData("America/New_York", "2026-10-31T01:00:00Z", "2026-11-02T09:00:00-05:00")]
    public void NextSendInstant_TableOfCases(string zone, string earliest, string expected)
    {
        var clock = new SendClock(TimeZoneInfo.FindSystemTimeZoneById(zone), DunningPolicy.Default.SendWindow, Calendar);
        var at = clock.NextSendInstant(T(earliest));

        Assert.Equal(T(expected), at);
        Assert.Equal(T(expected).Offset, at.Offset);
    }

    [Theory]
    [InlineData("2026-06-13T10:00:00+01:00", DeferralReasons.NonBusinessDay)]
    [InlineData("2026-06-12T21:00:00+01:00", DeferralReasons.OutsideSendWindow)]
    [InlineData("2026-06-12T10:00:00+01:00", null)]
    public void WhyNotSendable_NamesTheRule(string at, string? reason)
    {
        var clock = new SendClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), DunningPolicy.Default.SendWindow, Calendar);
        Assert.Equal(reason, clock.WhyNotSendable(T(at)));
    }

    [Fact]
    public void At_TimeSkippedBySpringForward_MovesForward()
    {
        var clock = new SendClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new SendWindow(new TimeOnly(1, 30), new TimeOnly(20, 0)), Calendar);
        // 01:30 does not exist on 2026-03-29 in London (01:00 -> 02:00).
        Assert.Equal(T("2026-03-29T02:00:00+01:00"), clock.At(D("2026-03-29"), new TimeOnly(1, 30)));
    }

    [Fact]
    public void AddBusinessDays_SkipsWeekendsAndHolidays()
    {
        // Friday 12th + 3 business days: Mon 15th is a holiday -> Tue 16, Wed 17, Thu 18.
        Assert.Equal(D("2026-06-18"), Calendar.AddBusinessDays(D("2026-06-12"), 3));
        Assert.Equal(D("2026-06-16"), Calendar.OnOrAfter(D("2026-06-13")));
    }
}
