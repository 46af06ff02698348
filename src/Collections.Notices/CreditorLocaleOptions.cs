using System.ComponentModel.DataAnnotations;

namespace Collections.Notices;

/// <summary>A creditor's texts in one language.</summary>
public sealed class CreditorLocaleOptions
{
    /// <summary>The company's name as it signs notices, e.g. "Contoso UK Ltd." or "康拓（上海）贸易有限公司".</summary>
    [Required]
    [StringLength(200)]
    public string CompanyName { get; set; } = string.Empty;

    /// <summary>The registered address; may span lines.</summary>
    [Required]
    [StringLength(500)]
    public string Address { get; set; } = string.Empty;

    /// <summary>The person or team debtors should contact, e.g. "Maria Keller (Accounts Receivable)".</summary>
    [Required]
    [StringLength(200)]
    public string ContactPerson { get; set; } = string.Empty;

    /// <summary>Optional line after the bank details, e.g. "Please quote your customer number and the invoice numbers."</summary>
    [StringLength(500)]
    public string? PaymentNote { get; set; }
}
