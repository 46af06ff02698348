using Collections.Notices;

namespace Collections.TestSupport;

/// <summary>Notice settings for hosts and engines under test: one creditor for the <c>default</c> entity, EUR account.</summary>
public static class TestNotices
{
    public static NoticeOptions Options() => new()
    {
        Creditors =
        {
            ["default"] = new CreditorOptions
            {
                ContactEmail = "ar@contoso.example",
                ContactPhone = "+44 20 5555 0100",
                English = new CreditorLocaleOptions { CompanyName = "Contoso Trading Ltd", Address = "1 Poultry, London EC2R 8EJ", ContactPerson = "Accounts Receivable" },
                ChineseSimplified = new CreditorLocaleOptions { CompanyName = "康拓贸易有限公司", Address = "英国伦敦Poultry 1号", ContactPerson = "应收账款部" },
                BankAccounts =
                [
                    new BankAccountOptions
                    {
                        Currency = "EUR",
                        AccountNumber = "GB00 0000 0000 0000",
                        English = new BankAccountLocaleOptions { BankName = "Example Bank, London", AccountName = "Contoso Trading Ltd" },
                        ChineseSimplified = new BankAccountLocaleOptions { BankName = "示例银行伦敦分行", AccountName = "Contoso Trading Ltd" },
                    },
                ],
            },
        },
        SupervisorEmail = "supervisor@contoso.example",
        LegalEmail = "legal@contoso.example",
    };
}
