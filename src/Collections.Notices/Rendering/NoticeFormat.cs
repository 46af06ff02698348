using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Notices.Rendering;

/// <summary>
/// Amounts and dates as notices show them. One style for both languages so figures read the same in
/// every notice: ISO code, then the amount with ',' thousands and '.' decimals to the currency's minor
/// unit ("EUR 18,250.40", "JPY 1,250,000", "CNY -1,200.00"; the code avoids ¥ meaning both CNY and
/// JPY). Dates: "12 June 2026" in English, "2026年6月12日" in Chinese. Built by hand rather than from
/// CultureInfo so output does not depend on the machine's ICU data.
/// </summary>
internal static class NoticeFormat
{
    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Amount(decimal amount, Currency currency) =>
        currency.Code + " " + currency.Round(amount).ToString("N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Amount(Money money) => Amount(money.Amount, money.Currency);

    public static string Date(DateOnly date, NoticeLanguage language) => language == NoticeLanguage.ChineseSimplified
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日")
        : string.Create(CultureInfo.InvariantCulture, $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}");

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The calendar date of an instant in an IANA time zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
