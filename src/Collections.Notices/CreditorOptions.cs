using System.ComponentModel.DataAnnotations;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Notices;

/// <summary>One legal entity as the creditor its notices name: contacts, texts per language, bank accounts per currency.</summary>
public sealed class CreditorOptions
{
    /// <summary>Where this entity's debtors write to; also the Reply-To of its notices.</summary>
    [Required]
    [EmailAddress]
    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>The phone number this entity's debtors can call.</summary>
    [Required]
    [StringLength(50)]
    public string ContactPhone { get; set; } = string.Empty;

    /// <summary>English texts.</summary>
    public CreditorLocaleOptions English { get; set; } = new();

    /// <summary>Simplified Chinese texts.</summary>
    public CreditorLocaleOptions ChineseSimplified { get; set; } = new();

    /// <summary>The entity's bank accounts, at most one per currency; a notice lists those of the currencies the debtor owes.</summary>
    public List<BankAccountOptions> BankAccounts { get; set; } = [];

    /// <summary>The texts for a language.</summary>
    public CreditorLocaleOptions For(NoticeLanguage language) =>
        language == NoticeLanguage.ChineseSimplified ? ChineseSimplified : English;

    internal void Collect(string prefix, List<string> problems)
    {
        OptionsValidation.Collect(this, prefix, problems);
        OptionsValidation.Collect(English, prefix + nameof(English) + ":", problems);
        OptionsValidation.Collect(ChineseSimplified, prefix + nameof(ChineseSimplified) + ":", problems);
        if (BankAccounts.Count == 0)
        {
            problems.Add($"{prefix}BankAccounts: at least one bank account is required (Currency, AccountNumber, English and ChineseSimplified BankName and AccountName)");
        }

        for (var i = 0; i < BankAccounts.Count; i++)
        {
            var account = BankAccounts[i];
            var at = $"{prefix}BankAccounts:{i}:";
            OptionsValidation.Collect(account, at, problems);
            OptionsValidation.Collect(account.English, at + nameof(English) + ":", problems);
            OptionsValidation.Collect(account.ChineseSimplified, at + nameof(ChineseSimplified) + ":", problems);
            if (!string.IsNullOrEmpty(account.Currency) && !Currency.TryParse(account.Currency, out _))
            {
                problems.Add($"{at}Currency: '{account.Currency}' is not a known ISO 4217 currency code");
            }
        }

        foreach (var duplicate in BankAccounts.GroupBy(a => a.Currency, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1 && !string.IsNullOrEmpty(g.Key)))
        {
            problems.Add($"{prefix}BankAccounts: more than one account for {duplicate.Key}; give one account per currency");
        }
    }
}
