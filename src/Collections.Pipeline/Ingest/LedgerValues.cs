using System.Diagnostics.CodeAnalysis;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>Small value rules shared by the validator and the options/profile checks.</summary>
internal static class LedgerValues
{
    /// <summary>Longest identifier (entity, customer id, invoice id) accepted.</summary>
    public const int MaxIdentifierLength = 200;

    /// <summary>
    /// Largest absolute amount or open amount a row may hold (domain.md section 2: a sane limit). With at
    /// most <see cref="int.MaxValue"/> rows per file, any sum over one file (per account and currency, per
    /// entity and currency, the whole file) stays below <see cref="decimal.MaxValue"/>, so validation and
    /// apply cannot disagree through an overflow.
    /// </summary>
    public const decimal MaxAmount = 999_999_999_999_999.99m;

    /// <summary>Earliest date accepted in a date column (Excel serial 1; serials 0 and below are not dates).</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    /// <summary>Latest date accepted in a date column: far enough for any ledger, near enough that adding notice deadlines cannot leave the calendar.</summary>
    public static readonly DateOnly MaxDate = new(2199, 12, 31);

    /// <summary>Whether a date lies in the accepted range.</summary>
    public static bool IsInDateRange(DateOnly date) => date >= MinDate && date <= MaxDate;

    /// <summary>
    /// Identifiers end up in storage keys and in <c>entity/customer</c> paths: no <c>/ \ # ?</c>,
    /// no control characters, at most <see cref="MaxIdentifierLength"/> characters.
    /// </summary>
    public static bool IsKeySafe(string value) => IsKeySafe(value.AsSpan());

    /// <inheritdoc cref="IsKeySafe(string)"/>
    public static bool IsKeySafe(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > MaxIdentifierLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Accepts only IANA ids (not Windows ids) and returns the system's spelling.</summary>
    public static bool TryResolveTimeZone(string? id, [NotNullWhen(true)] out string? ianaId)
    {
        ianaId = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId)
        {
            ianaId = zone.Id;
            return true;
        }

        return false;
    }

    /// <summary>Parses a credit grade: one letter A to D, any case, surrounding white space ignored.</summary>
    public static bool TryParseGrade(string value, out CreditGrade grade)
    {
        var text = value.AsSpan().Trim();
        if (text.Length == 1 && char.IsAsciiLetter(text[0]))
        {
            return Enum.TryParse(text, ignoreCase: true, out grade);
        }

        grade = default;
        return false;
    }

    /// <summary>Parses <c>true/false</c>, <c>yes/no</c>, <c>Y/N</c>, <c>是/否</c> (case-insensitive).</summary>
    public static bool TryParseFlag(ReadOnlySpan<char> value, out bool flag)
    {
        var text = value.Trim();
        if (text.Length == 1 && text[0] is '是' or '否')
        {
            // Checked first: a non-ASCII value would send the case-insensitive comparisons below to the slow path.
            flag = text[0] == '是';
            return true;
        }

        flag = text.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || text.Equals("YES", StringComparison.OrdinalIgnoreCase)
            || text.Equals("Y", StringComparison.OrdinalIgnoreCase);
        return flag || text.Equals("FALSE", StringComparison.OrdinalIgnoreCase) || text.Equals("NO", StringComparison.OrdinalIgnoreCase)
            || text.Equals("N", StringComparison.OrdinalIgnoreCase);
    }
}
