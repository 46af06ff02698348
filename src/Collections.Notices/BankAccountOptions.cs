using System.ComponentModel.DataAnnotations;

namespace Collections.Notices;

/// <summary>One bank account of a creditor, for payments in one currency.</summary>
public sealed class BankAccountOptions
{
    /// <summary>ISO 4217 code of the payments this account takes, e.g. GBP.</summary>
    [Required]
    [StringLength(3, MinimumLength = 3)]
    public string Currency { get; set; } = string.Empty;

    /// <summary>Account number or IBAN, as the debtor must type it.</summary>
    [Required]
    [StringLength(64)]
    public string AccountNumber { get; set; } = string.Empty;

    /// <summary>SWIFT/BIC, when the account takes international transfers.</summary>
    [StringLength(11, MinimumLength = 8)]
    public string? SwiftBic { get; set; }

    /// <summary>Bank and account holder names in English.</summary>
    public BankAccountLocaleOptions English { get; set; } = new();

    /// <summary>Bank and account holder names in Simplified Chinese.</summary>
    public BankAccountLocaleOptions ChineseSimplified { get; set; } = new();
}
