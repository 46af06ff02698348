using System.ComponentModel.DataAnnotations;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Defaults and limits for reading ledger files (configuration section <c>Ingest</c>). A mapping
/// profile's defaults win over these; a value in the file wins over both.
/// </summary>
public sealed class IngestOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Ingest";

    /// <summary>Entity used when neither the file nor the profile names one. Default <c>default</c>.</summary>
    [Required]
    public string DefaultEntity { get; set; } = AccountKey.DefaultEntity;

    /// <summary>Notice language when the file has none: <c>en</c> or <c>zh-CN</c>. Default <c>en</c>.</summary>
    [Required]
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>IANA time zone of debtors when the file has none. Default <c>Asia/Shanghai</c>.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>ISO 3166 alpha-2 country when the file has none; null means the policy's default calendar.</summary>
    public string? DefaultCountry { get; set; }

    /// <summary>Credit grade when the file has none. Default <see cref="CreditGrade.B"/>.</summary>
    public CreditGrade DefaultGrade { get; set; } = CreditGrade.B;

    /// <summary>Errors kept in a result; the rest are only counted. Default 1000.</summary>
    [Range(1, 100_000)]
    public int MaxErrors { get; set; } = 1000;

    /// <summary>Longest CSV field accepted, in characters; longer means a broken quote. Default 65,536.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxFieldLength { get; set; } = 64 * 1024;

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), problems, validateAllProperties: true);
        var messages = problems.Select(p => p.ErrorMessage ?? "invalid value").ToList();
        if (!string.IsNullOrWhiteSpace(DefaultEntity) && !LedgerValues.IsKeySafe(DefaultEntity))
        {
            messages.Add($"{nameof(DefaultEntity)} contains characters not allowed in an identifier.");
        }

        if (!NoticeLanguages.TryParse(DefaultLanguage, out _))
        {
            messages.Add($"{nameof(DefaultLanguage)} '{DefaultLanguage}' is not en or zh-CN.");
        }

        if (!LedgerValues.TryResolveTimeZone(DefaultTimeZone, out _))
        {
            messages.Add($"{nameof(DefaultTimeZone)} '{DefaultTimeZone}' is not a known IANA time zone.");
        }

        if (DefaultCountry is not null && !CountryCodes.IsKnown(DefaultCountry))
        {
            messages.Add($"{nameof(DefaultCountry)} '{DefaultCountry}' is not an ISO 3166 alpha-2 code.");
        }

        if (!Enum.IsDefined(DefaultGrade))
        {
            messages.Add($"{nameof(DefaultGrade)} must be A, B, C or D.");
        }

        return messages;
    }

    /// <summary>Throws one <see cref="InvalidOperationException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid ingest options: " + string.Join(" ", problems));
        }
    }
}
