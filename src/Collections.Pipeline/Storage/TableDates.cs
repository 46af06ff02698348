using System.Globalization;

namespace Collections.Pipeline.Storage;

/// <summary>Calendar dates in table rows: <c>yyyy-MM-dd</c> strings, which sort and compare as dates (tables have no date type).</summary>
internal static class TableDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? date) => date is { } d ? Format(d) : null;

    public static DateOnly? Parse(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
