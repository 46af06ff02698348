using System.ComponentModel.DataAnnotations;

namespace Collections.Notices;

/// <summary>A bank account's names in one language.</summary>
public sealed class BankAccountLocaleOptions
{
    /// <summary>The bank and branch, e.g. "Barclays Bank PLC, London" or "中国银行上海分行".</summary>
    [Required]
    [StringLength(200)]
    public string BankName { get; set; } = string.Empty;

    /// <summary>The account holder as the bank knows it.</summary>
    [Required]
    [StringLength(200)]
    public string AccountName { get; set; } = string.Empty;
}
