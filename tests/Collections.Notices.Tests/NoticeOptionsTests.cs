using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests;

public sealed class NoticeOptionsTests
{
    [Fact]
    public void Validate_Fixture_Passes() => NoticeFixtures.Options().Validate();

    [Fact]
    public void Validate_EmptyOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<NoticesConfigurationException>(new NoticeOptions().Validate);

        Assert.Equal(
            """
            Notices options are invalid:
            - SupervisorEmail: The SupervisorEmail field is required.
            - LegalEmail: The LegalEmail field is required.
            - Creditors: at least one creditor (legal entity) is required, e.g. Notices:Creditors:default:English:CompanyName
            """.ReplaceLineEndings(Environment.NewLine),
            ex.Message);
    }

    [Fact]
    public void Validate_IncompleteCreditor_ListsEveryProblemWithItsEntity()
    {
        var options = NoticeFixtures.Options();
        options.Creditors["uk01"] = new CreditorOptions
        {
            ContactEmail = "ar",
            English = new CreditorLocaleOptions { CompanyName = "Contoso UK Ltd.", Address = "London", ContactPerson = "AR" },
            BankAccounts =
            [
                NoticeFixtures.Account("GBP", "GB29 NWBK 6016 1331 9268 19", null, "NatWest", "Contoso UK Ltd.", "国民西敏寺银行"),
                NoticeFixtures.Account("gbp", "GB00 0000", null, "Other", "Contoso UK Ltd.", "其他"),
                NoticeFixtures.Account("XYZ", "1", null, "Bank", "Contoso UK Ltd.", "银行"),
            ],
        };

        var ex = Assert.Throws<NoticesConfigurationException>(options.Validate);

        Assert.Equal(
            """
            Notices options are invalid:
            - Creditors:uk01:ContactEmail: The ContactEmail field is not a valid e-mail address.
            - Creditors:uk01:ContactPhone: The ContactPhone field is required.
            - Creditors:uk01:ChineseSimplified:CompanyName: The CompanyName field is required.
            - Creditors:uk01:ChineseSimplified:Address: The Address field is required.
            - Creditors:uk01:ChineseSimplified:ContactPerson: The ContactPerson field is required.
            - Creditors:uk01:BankAccounts:2:Currency: 'XYZ' is not a known ISO 4217 currency code
            - Creditors:uk01:BankAccounts: more than one account for GBP; give one account per currency
            """.ReplaceLineEndings(Environment.NewLine),
            ex.Message);
    }

    [Fact]
    public void Validate_CreditorWithoutBankAccount_SaysOneIsRequired()
    {
        var options = NoticeFixtures.Options();
        options.Creditors[NoticeFixtures.Entity].BankAccounts.Clear();

        var ex = Assert.Throws<NoticesConfigurationException>(options.Validate);

        Assert.Contains($"- Creditors:{NoticeFixtures.Entity}:BankAccounts: at least one bank account is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadEmail_NamesTheProperty()
    {
        var options = NoticeFixtures.Options();
        options.LegalEmail = "legal";

        var ex = Assert.Throws<NoticesConfigurationException>(options.Validate);

        Assert.Contains("- LegalEmail: The LegalEmail field is not a valid e-mail address.", ex.Message, StringComparison.Ordinal);
    }
}
