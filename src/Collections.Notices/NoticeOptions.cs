using System.ComponentModel.DataAnnotations;

namespace Collections.Notices;

/// <summary>
/// Configuration of notice content (section <c>Notices</c>). Call <see cref="Validate"/> once at
/// start-up; it throws one <see cref="NoticesConfigurationException"/> listing every problem.
/// </summary>
public sealed class NoticeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notices";

    /// <summary>
    /// The creditor of each legal entity, keyed by the ledger's <c>entity</c> code (case-insensitive),
    /// e.g. <c>Notices:Creditors:uk01:English:CompanyName</c>. A notice is signed by, and shows the bank
    /// details of, its own entity only; an entity with no creditor here cannot be sent notices.
    /// </summary>
    public Dictionary<string, CreditorOptions> Creditors { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The collections supervisor: recipient of approval reminders, copied on legal hand-offs.</summary>
    [Required]
    [EmailAddress]
    public string SupervisorEmail { get; set; } = string.Empty;

    /// <summary>The legal department: recipient of legal hand-offs.</summary>
    [Required]
    [EmailAddress]
    public string LegalEmail { get; set; } = string.Empty;

    /// <summary>Folder with template overrides (see docs/notices.md); null or empty for the built-in templates only.</summary>
    public string? TemplateOverrideFolder { get; set; }

    /// <summary>The creditor of an entity, or null when none is configured.</summary>
    public CreditorOptions? CreditorFor(string entity) =>
        Creditors.TryGetValue(entity, out var creditor) ? creditor : null;

    /// <summary>Validates every property, every creditor included.</summary>
    /// <exception cref="NoticesConfigurationException">Listing every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        OptionsValidation.Collect(this, string.Empty, problems);
        if (Creditors.Count == 0)
        {
            problems.Add("Creditors: at least one creditor (legal entity) is required, e.g. Notices:Creditors:default:English:CompanyName");
        }

        foreach (var (entity, creditor) in Creditors.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            creditor.Collect($"Creditors:{entity}:", problems);
        }

        OptionsValidation.ThrowIfAny(SectionName, problems);
    }
}
