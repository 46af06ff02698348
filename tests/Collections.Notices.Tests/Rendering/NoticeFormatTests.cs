using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Notices.Rendering;

namespace Collections.Notices.Tests.Rendering;

public sealed class NoticeFormatTests
{
    [Theory]
    [InlineData("EUR", "18250.40", "EUR 18,250.40")]
    [InlineData("EUR", "-1200", "EUR -1,200.00")]
    [InlineData("JPY", "1250000", "JPY 1,250,000")]
    [InlineData("KWD", "1.2345", "KWD 1.235")]
    [InlineData("CNY", "0.005", "CNY 0.01")]
    [InlineData("USD", "1234567.891", "USD 1,234,567.89")]
    public void Amount_Currency_FormatsToMinorUnitWithCode(string code, string amount, string expected) =>
        Assert.Equal(expected, NoticeFormat.Amount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.Parse(code)));

    [Theory]
    [InlineData(NoticeLanguage.English, "12 June 2026")]
    [InlineData(NoticeLanguage.ChineseSimplified, "2026年6月12日")]
    public void Date_Language_UsesLocaleStyle(NoticeLanguage language, string expected) =>
        Assert.Equal(expected, NoticeFormat.Date(new DateOnly(2026, 6, 12), language));

    [Theory]
    [InlineData("2026-06-11T16:30:00Z", "Asia/Shanghai", "2026-06-12")]
    [InlineData("2026-06-11T15:59:59Z", "Asia/Shanghai", "2026-06-11")]
    [InlineData("2026-06-12T03:00:00Z", "America/Los_Angeles", "2026-06-11")]
    public void LocalDate_Instant_IsTheCalendarDateInTheZone(string instant, string zone, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NoticeFormat.LocalDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone)));
}
