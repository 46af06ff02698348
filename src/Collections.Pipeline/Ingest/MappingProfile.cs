using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Maps another ERP's export onto the canonical ledger: column names, date formats, separators and
/// defaults. Load with <see cref="TryParse"/>; the JSON format is documented in docs/ledger-format.md.
/// </summary>
public sealed record MappingProfile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly char[] AllowedThousands = [',', '.', ' ', '\'', '\u00A0'];

    /// <summary>A descriptive name, for reports.</summary>
    public string? Name { get; init; }

    /// <summary>Source header (normalised as <see cref="LedgerFields.Normalize"/>) to canonical field.</summary>
    public IReadOnlyDictionary<string, LedgerField> Columns { get; init; } = new Dictionary<string, LedgerField>(StringComparer.Ordinal);

    /// <summary>Extra date formats (.NET custom format strings); <c>yyyy-MM-dd</c> is always accepted.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>Decimal separator of amounts: <c>.</c> (default) or <c>,</c>.</summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>Thousands separator of amounts; null when the export uses none. Default <c>,</c>.</summary>
    public char? ThousandsSeparator { get; init; } = ',';

    /// <summary>Defaults for absent or empty columns.</summary>
    public MappingProfileDefaults Defaults { get; init; } = new();

    internal ValueFormats Formats => new(DateFormats, DecimalSeparator, ThousandsSeparator);

    /// <summary>Parses and validates a profile; on failure <paramref name="errors"/> lists every problem.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out MappingProfile? profile, out IReadOnlyList<string> errors)
    {
        profile = null;
        MappingProfileDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<MappingProfileDocument>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            errors = [$"The profile is not valid JSON for a mapping profile: {ex.Message}"];
            return false;
        }

        if (doc is null)
        {
            errors = ["The profile is empty."];
            return false;
        }

        var problems = new List<string>();
        var columns = new Dictionary<string, LedgerField>(StringComparer.Ordinal);
        foreach (var (source, target) in doc.Columns ?? [])
        {
            var key = LedgerFields.Normalize(source);
            if (key.Length == 0)
            {
                problems.Add("columns: an empty source column name.");
            }
            else if (!LedgerFields.TryParseName(target, out var field))
            {
                problems.Add($"columns: '{source}' maps to '{target}', which is not a canonical column.");
            }
            else if (!columns.TryAdd(key, field))
            {
                problems.Add($"columns: '{source}' is listed twice.");
            }
        }

        var formats = doc.DateFormats ?? [];
        foreach (var format in formats)
        {
            if (!IsUsableDateFormat(format))
            {
                problems.Add($"dateFormats: '{format}' is not a day-month-year date format.");
            }
        }

        var decimalSeparator = ParseSeparator(doc.DecimalSeparator, '.', "decimalSeparator", problems) ?? '.';
        if (decimalSeparator is not ('.' or ','))
        {
            problems.Add("decimalSeparator must be '.' or ','.");
        }

        var thousands = doc.ThousandsSeparator is null ? ',' : ParseSeparator(doc.ThousandsSeparator, null, "thousandsSeparator", problems);
        if (thousands is { } t && (t == decimalSeparator || Array.IndexOf(AllowedThousands, t) < 0))
        {
            problems.Add("thousandsSeparator must be one of , . space ' or empty, and differ from the decimal separator.");
        }

        var defaults = ParseDefaults(doc.Defaults, problems);
        errors = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        profile = new MappingProfile
        {
            Name = doc.Name,
            Columns = columns,
            DateFormats = formats,
            DecimalSeparator = decimalSeparator,
            ThousandsSeparator = thousands,
            Defaults = defaults,
        };
        return true;
    }

    private static char? ParseSeparator(string? value, char? whenMissing, string name, List<string> problems)
    {
        if (value is null)
        {
            return whenMissing;
        }

        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length != 1)
        {
            problems.Add($"{name} must be a single character.");
            return whenMissing;
        }

        return value[0];
    }

    private static bool IsUsableDateFormat(string format)
    {
        if (string.IsNullOrWhiteSpace(format) || !format.Contains('y', StringComparison.Ordinal)
            || !format.Contains('M', StringComparison.Ordinal) || !format.Contains('d', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var probe = new DateOnly(2026, 11, 28);
            var text = probe.ToString(format, CultureInfo.InvariantCulture);
            return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == probe;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static MappingProfileDefaults ParseDefaults(MappingProfileDocument.DefaultsDocument? d, List<string> problems)
    {
        if (d is null)
        {
            return new MappingProfileDefaults();
        }

        Currency? currency = null;
        if (d.Currency is not null)
        {
            if (Currency.TryParse(d.Currency, out var c))
            {
                currency = c;
            }
            else
            {
                problems.Add($"defaults.currency '{d.Currency}' is not a known ISO 4217 code.");
            }
        }

        NoticeLanguage? language = null;
        if (d.Language is not null)
        {
            if (NoticeLanguages.TryParse(d.Language, out var l))
            {
                language = l;
            }
            else
            {
                problems.Add($"defaults.language '{d.Language}' is not en or zh-CN.");
            }
        }

        string? timeZone = null;
        if (d.TimeZone is not null && !LedgerValues.TryResolveTimeZone(d.TimeZone, out timeZone))
        {
            problems.Add($"defaults.timeZone '{d.TimeZone}' is not a known IANA time zone.");
        }

        string? country = null;
        if (d.Country is not null && !CountryCodes.TryNormalize(d.Country, out country))
        {
            problems.Add($"defaults.country '{d.Country}' is not an ISO 3166 alpha-2 code.");
        }

        CreditGrade? grade = null;
        if (d.Grade is not null)
        {
            if (LedgerValues.TryParseGrade(d.Grade, out var g))
            {
                grade = g;
            }
            else
            {
                problems.Add($"defaults.grade '{d.Grade}' is not A, B, C or D.");
            }
        }

        if (d.Entity is not null && !LedgerValues.IsKeySafe(d.Entity.Trim()))
        {
            problems.Add($"defaults.entity '{d.Entity}' is empty or contains / \\ # ? or control characters.");
        }

        return new MappingProfileDefaults(d.Entity?.Trim(), currency, language, timeZone, country, grade);
    }
}
