using System.Globalization;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Parses ledger dates: <c>yyyy-MM-dd</c> always; other formats only when a profile names them. A value
/// that two named formats read differently is ambiguous and rejected, never guessed.
/// </summary>
internal static class DateValueParser
{
    public static bool TryParse(ReadOnlySpan<char> text, IReadOnlyList<string> formats, out DateOnly date, out string? error)
    {
        error = null;
        var s = text.Trim();
        if (IsIsoShape(s))
        {
            // Digits are known to be ASCII here: build the date without the general parser.
            var year = ((s[0] - '0') * 1000) + ((s[1] - '0') * 100) + ((s[2] - '0') * 10) + (s[3] - '0');
            var month = ((s[5] - '0') * 10) + (s[6] - '0');
            var day = ((s[8] - '0') * 10) + (s[9] - '0');
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                date = new DateOnly(year, month, day);
                return true;
            }

            date = default;
            error = "not a valid calendar date";
            return false;
        }

        date = default;
        DateOnly? found = null;
        foreach (var format in formats)
        {
            if (DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                if (found is { } f && f != d)
                {
                    error = $"ambiguous date: the profile's formats {string.Join(", ", formats)} read it as different days";
                    return false;
                }

                found = d;
            }
        }

        if (found is { } ok)
        {
            date = ok;
            return true;
        }

        error = formats.Count == 0
            ? (LooksAmbiguous(new string(s))
                ? "ambiguous date format: use yyyy-MM-dd or a mapping profile that names the format"
                : "not a yyyy-MM-dd date (other formats need a mapping profile that names them)")
            : $"not a date in yyyy-MM-dd or the profile's formats ({string.Join(", ", formats)})";
        return false;
    }

    /// <summary>Whether the value has the <c>yyyy-MM-dd</c> shape (digits and dashes; not whether the day exists).</summary>
    internal static bool IsIsoShape(ReadOnlySpan<char> s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-'
        && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
        && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);

    // 04/03/2026, 4.3.26, 04-03-2026: day and month could be swapped.
    private static bool LooksAmbiguous(string s)
    {
        var parts = s.Split('/', '.', '-');
        return parts.Length == 3
            && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            && parts[0].Length <= 2 && parts[1].Length <= 2;
    }
}
