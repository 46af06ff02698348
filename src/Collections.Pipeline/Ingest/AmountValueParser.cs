using System.Globalization;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Parses ledger amounts exactly as decimals: optional sign or (parentheses) for negatives, thousands
/// separators only in proper groups of three (so a European "1,5" is rejected rather than read as 15),
/// one decimal separator, no currency symbols or letters.
/// </summary>
internal static class AmountValueParser
{
    public static bool TryParse(ReadOnlySpan<char> text, ValueFormats formats, out decimal amount, out string? error)
    {
        amount = 0m;
        error = null;
        var s = text.Trim();
        var negative = false;
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            if (negative)
            {
                error = "a sign inside parentheses is not allowed";
                return false;
            }

            negative = s[0] == '-';
            s = s[1..].TrimStart();
        }

        if (s.IsEmpty)
        {
            error = "not a number";
            return false;
        }

        if (TryParseSimple(s, formats, negative, out amount))
        {
            return true;
        }

        Span<char> normal = stackalloc char[Math.Min(s.Length + 2, 64)];
        if (s.Length + 2 > normal.Length)
        {
            error = "too many digits";
            return false;
        }

        var n = 0;
        normal[n++] = negative ? '-' : '+';
        var decimalAt = s.IndexOf(formats.DecimalSeparator);
        var integer = decimalAt >= 0 ? s[..decimalAt] : s;
        var fraction = decimalAt >= 0 ? s[(decimalAt + 1)..] : [];

        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c) || c == formats.DecimalSeparator || c == formats.ThousandsSeparator)
            {
                continue;
            }

            if (char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                error = "currency symbols and letters are not allowed in amounts";
                return false;
            }
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c != formats.DecimalSeparator && c != formats.ThousandsSeparator)
            {
                error = $"unexpected character '{c}' in amount";
                return false;
            }
        }

        if (decimalAt >= 0 && (fraction.Length == 0 || !IsDigits(fraction)))
        {
            error = "malformed decimal part";
            return false;
        }

        if (!TryAppendInteger(integer, formats.ThousandsSeparator, normal, ref n))
        {
            error = "misplaced thousands separator";
            return false;
        }

        if (decimalAt >= 0)
        {
            normal[n++] = '.';
            fraction.CopyTo(normal[n..]);
            n += fraction.Length;
        }

        if (TryCompose(normal[1..n], negative, out amount))
        {
            return true;
        }

        if (!decimal.TryParse(normal[..n], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            error = "number out of range";
            return false;
        }

        return true;
    }

    // The common amount in one pass: ASCII digits, thousands separators in proper groups (1 to 3 digits, then
    // groups of 3) before the one decimal separator, at least one digit after it, at most 18 digits, not zero.
    // It accepts only what the general path below accepts, with the same value (digits and scale); anything
    // else (errors included) goes to the general path, so every message stays as it was.
    private static bool TryParseSimple(ReadOnlySpan<char> s, ValueFormats formats, bool negative, out decimal amount)
    {
        amount = 0m;
        var point = formats.DecimalSeparator;
        var thousands = formats.ThousandsSeparator ?? point;
        var grouped = thousands != point;
        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        var group = 0;
        var groups = 0;
        foreach (var c in s)
        {
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
                if (scale >= 0)
                {
                    scale++;
                }
                else
                {
                    group++;
                }
            }
            else if (scale < 0 && c == point && group > 0 && (groups == 0 || group == 3))
            {
                scale = 0;
            }
            else if (scale < 0 && grouped && c == thousands && group > 0 && (groups == 0 ? group <= 3 : group == 3))
            {
                groups++;
                group = 0;
            }
            else
            {
                return false;
            }
        }

        if (scale == 0 || (scale < 0 && (group == 0 || (groups > 0 && group != 3))) || mantissa == 0)
        {
            return false;
        }

        amount = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    // Digits with at most one '.', at most 18 of them and not all zeros: the decimal is its digits and
    // scale, exactly what decimal.TryParse returns (trailing fraction zeros kept), without the general parser.
    private static bool TryCompose(ReadOnlySpan<char> digits, bool negative, out decimal amount)
    {
        amount = 0m;
        ulong mantissa = 0;
        var count = 0;
        var scale = -1;
        foreach (var c in digits)
        {
            if (c == '.')
            {
                scale = 0;
                continue;
            }

            if (++count > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (uint)(c - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (mantissa == 0)
        {
            return false;
        }

        amount = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    private static bool TryAppendInteger(ReadOnlySpan<char> integer, char? thousands, Span<char> output, ref int n)
    {
        if (integer.IsEmpty)
        {
            return false;
        }

        if (thousands is not { } sep || integer.IndexOf(sep) < 0)
        {
            if (!IsDigits(integer))
            {
                return false;
            }

            integer.CopyTo(output[n..]);
            n += integer.Length;
            return true;
        }

        var first = true;
        foreach (var range in integer.Split(sep))
        {
            var group = integer[range];
            if (!IsDigits(group) || (first ? group.Length is 0 or > 3 : group.Length != 3))
            {
                return false;
            }

            group.CopyTo(output[n..]);
            n += group.Length;
            first = false;
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }
}
