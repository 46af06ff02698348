using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests;

public sealed class NoticeOptionsTests
{
    [Fact]
    public void Validate_Fixture_Passes() => NoticeFixtures.Options().Validate();

    [Fact]
    public void Validate_EmptyOptions_ListsEveryProblem()
    {
        var options = new NoticeOptions { DemandPaymentDays = 0 };

        var ex = Assert.Throws<NoticesConfigurationException>(options.Validate);

        Assert.Equal(
            """
            Notices options are invalid:
            - ContactEmail: The ContactEmail field is required.
            - ContactPhone: The ContactPhone field is required.
            - SupervisorEmail: The SupervisorEmail field is required.
            - LegalEmail: The LegalEmail field is required.
            - DemandPaymentDays: The field DemandPaymentDays must be between 1 and 60.
            - English:CompanyName: The CompanyName field is required.
            - English:HowToPay: The HowToPay field is required.
            - English:ContactPerson: The ContactPerson field is required.
            - ChineseSimplified:CompanyName: The CompanyName field is required.
            - ChineseSimplified:HowToPay: The HowToPay field is required.
            - ChineseSimplified:ContactPerson: The ContactPerson field is required.
            """.ReplaceLineEndings(Environment.NewLine),
            ex.Message);
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
