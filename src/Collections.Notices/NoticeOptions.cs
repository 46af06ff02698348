using System.ComponentModel.DataAnnotations;
using Collections.Domain.Ledger;

namespace Collections.Notices;

/// <summary>
/// Configuration of notice content (section <c>Notices</c>). Call <see cref="Validate"/> once at
/// start-up; it throws one <see cref="NoticesConfigurationException"/> listing every problem.
/// </summary>
public sealed class NoticeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notices";

    /// <summary>English texts.</summary>
    public NoticeLocaleOptions English { get; set; } = new();

    /// <summary>Simplified Chinese texts.</summary>
    public NoticeLocaleOptions ChineseSimplified { get; set; } = new();

    /// <summary>Where debtors write to; also the Reply-To of every notice.</summary>
    [Required]
    [EmailAddress]
    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>The phone number debtors can call.</summary>
    [Required]
    [StringLength(50)]
    public string ContactPhone { get; set; } = string.Empty;

    /// <summary>The collections supervisor: recipient of approval reminders, copied on legal hand-offs.</summary>
    [Required]
    [EmailAddress]
    public string SupervisorEmail { get; set; } = string.Empty;

    /// <summary>The legal department: recipient of legal hand-offs.</summary>
    [Required]
    [EmailAddress]
    public string LegalEmail { get; set; } = string.Empty;

    /// <summary>Days a Demand gives to pay, counted from the sending date in the debtor's time zone. Default 7.</summary>
    [Range(1, 60)]
    public int DemandPaymentDays { get; set; } = 7;

    /// <summary>Default days from sending to the FinalNotice deadline when the caller passes none. Default 7.</summary>
    [Range(1, 60)]
    public int FinalNoticeDays { get; set; } = 7;

    /// <summary>Folder with template overrides (see docs/notices.md); null or empty for the built-in templates only.</summary>
    public string? TemplateOverrideFolder { get; set; }

    /// <summary>The texts for a language.</summary>
    public NoticeLocaleOptions For(NoticeLanguage language) =>
        language == NoticeLanguage.ChineseSimplified ? ChineseSimplified : English;

    /// <summary>Validates every property, nested texts included.</summary>
    /// <exception cref="NoticesConfigurationException">Listing every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        OptionsValidation.Collect(this, string.Empty, problems);
        OptionsValidation.Collect(English, nameof(English) + ":", problems);
        OptionsValidation.Collect(ChineseSimplified, nameof(ChineseSimplified) + ":", problems);
        OptionsValidation.ThrowIfAny(SectionName, problems);
    }
}
