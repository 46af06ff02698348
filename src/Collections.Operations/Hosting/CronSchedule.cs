using System.Globalization;

namespace Collections.Operations.Hosting;

/// <summary>
/// An NCRONTAB schedule as the Functions timer trigger reads it: six fields
/// (second minute hour day month day-of-week), each <c>*</c>, <c>*/n</c>, <c>a</c>, <c>a-b</c>,
/// <c>a-b/n</c> or a comma list of those. Evaluated in UTC.
/// </summary>
public sealed class CronSchedule
{
    private static readonly (int Min, int Max, string Name)[] Fields =
        [(0, 59, "second"), (0, 59, "minute"), (0, 23, "hour"), (1, 31, "day"), (1, 12, "month"), (0, 6, "day of week")];

    private readonly bool[][] _allowed;

    private CronSchedule(string expression, bool[][] allowed)
    {
        Expression = expression;
        _allowed = allowed;
    }

    /// <summary>The expression.</summary>
    public string Expression { get; }

    /// <summary>Parses an expression.</summary>
    /// <exception cref="FormatException">It is not a six-field NCRONTAB expression; the message says which field.</exception>
    public static CronSchedule Parse(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            throw new FormatException($"'{expression}' must have six fields: second minute hour day month day-of-week");
        }

        var allowed = new bool[6][];
        for (var i = 0; i < 6; i++)
        {
            var (min, max, name) = Fields[i];
            allowed[i] = new bool[max + 1];
            foreach (var item in parts[i].Split(','))
            {
                var (range, step) = item.Split('/') switch
                {
                    [var r] => (r, 1),
                    [var r, var s] when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                    _ => throw new FormatException($"'{item}' is not a valid {name} field"),
                };
                int from, to;
                if (string.Equals(range, "*", StringComparison.Ordinal))
                {
                    (from, to) = (min, max);
                }
                else if (range.Split('-') is [var a, var b] && Int(a, out from) && Int(b, out to))
                {
                }
                else if (Int(range, out from))
                {
                    to = step > 1 ? max : from;
                }
                else
                {
                    throw new FormatException($"'{item}' is not a valid {name} field");
                }

                if (from < min || to > max || from > to)
                {
                    throw new FormatException($"'{item}' is out of range for the {name} field ({min}-{max})");
                }

                for (var v = from; v <= to; v += step)
                {
                    allowed[i][v] = true;
                }
            }
        }

        return new CronSchedule(expression, allowed);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = after.ToUniversalTime();
        var minute = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);
        for (var i = 0; i < 366 * 24 * 60; i++, minute = minute.AddMinutes(1))
        {
            if (!_allowed[4][minute.Month] || !_allowed[3][minute.Day] || !_allowed[5][(int)minute.DayOfWeek]
                || !_allowed[2][minute.Hour] || !_allowed[1][minute.Minute])
            {
                continue;
            }

            for (var second = 0; second < 60; second++)
            {
                var candidate = minute.AddSeconds(second);
                if (_allowed[0][second] && candidate > t)
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"'{Expression}' has no occurrence within a year.");
    }

    private static bool Int(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
