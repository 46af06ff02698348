using System.ComponentModel.DataAnnotations;

namespace Collections.Notices;

/// <summary>The texts of the sending company in one language.</summary>
public sealed class NoticeLocaleOptions
{
    /// <summary>The company's name as it signs notices, e.g. "Contoso Ltd." or "康拓有限公司".</summary>
    [Required]
    [StringLength(200)]
    public string CompanyName { get; set; } = string.Empty;

    /// <summary>Payment instructions (bank, account, reference to quote); may span lines.</summary>
    [Required]
    [StringLength(2000)]
    public string HowToPay { get; set; } = string.Empty;

    /// <summary>The person or team debtors should contact, e.g. "Anna Schmidt, Accounts Receivable".</summary>
    [Required]
    [StringLength(200)]
    public string ContactPerson { get; set; } = string.Empty;
}
