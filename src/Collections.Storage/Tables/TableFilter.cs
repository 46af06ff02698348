using System.Globalization;

namespace Collections.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> expressions safely: interpolated values become quoted, escaped, typed literals, so
/// <c>TableFilter.Create($"PartitionKey eq {pk} and Due ge {when}")</c> never lets a value change the expression.
/// </summary>
public static class TableFilter
{
    /// <summary>Formats <paramref name="filter"/>, turning every interpolated value into a literal (<see cref="Literal"/>).</summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>
    /// One OData literal: <c>'text'</c> (single quotes doubled), <c>datetime'2024-03-01T12:00:00.0000000Z'</c>,
    /// <c>guid'…'</c>, <c>123L</c>, <c>123</c>, <c>1.5</c>, <c>true</c>, <c>X'0aff'</c>, <c>null</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The value's type has no OData literal.</exception>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        char c => "'" + (c == '\'' ? "''" : c.ToString()) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        float f => DoubleLiteral(f),
        DateTimeOffset dto => "datetime'" + TableEntityJson.FormatDate(dto) + "'",
        DateTime dt => "datetime'" + TableEntityJson.FormatDate(TableEntityJson.ToUtc(dt)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        BinaryData data => "X'" + Convert.ToHexStringLower(data.ToArray()) + "'",
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be used in a table filter.", nameof(value)),
    };

    private static string DoubleLiteral(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new ArgumentException("NaN and infinities cannot be used in a table filter.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
