using Collections.Domain.Ledger;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class ValidationTests
{
    private static LedgerParseResult ParseRow(params (string Column, string Value)[] cells) =>
        Ledgers.Parse(LedgerCsv.Canonical().Row(cells).ToText());

    [Theory]
    [InlineData("customer_id")]
    [InlineData("customer_name")]
    [InlineData("contact_email")]
    [InlineData("invoice_id")]
    [InlineData("invoice_date")]
    [InlineData("due_date")]
    [InlineData("currency")]
    [InlineData("amount")]
    [InlineData("open_amount")]
    public void Parse_RequiredValueEmpty_IsRequiredError(string column)
    {
        ParseRow((column, "  ")).AssertError(LedgerErrorCode.Required, 2, column, string.Empty);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    public void Parse_ImpossibleDate_IsInvalid(string value)
    {
        var error = ParseRow(("due_date", value)).SingleError();

        Assert.Equal((LedgerErrorCode.InvalidDate, 2, "due_date", value), (error.Code, error.Row, error.Column, error.Value));
        Assert.Contains("calendar", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("04/03/2026", "ambiguous")]
    [InlineData("4.3.2026", "ambiguous")]
    [InlineData("2026/04/03", "yyyy-MM-dd")]
    [InlineData("3 April 2026", "yyyy-MM-dd")]
    [InlineData("2026-4-3", "yyyy-MM-dd")]
    public void Parse_NonCanonicalDateWithoutProfile_IsNeverGuessed(string value, string hint)
    {
        var error = ParseRow(("invoice_date", value)).SingleError();

        Assert.Equal((LedgerErrorCode.InvalidDate, "invoice_date"), (error.Code, error.Column));
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("1234.56", 1234.56)]
    [InlineData("-120.00", -120.00)]
    [InlineData("(120.00)", -120.00)]
    [InlineData("( 1,200.00 )", -1200.00)]
    [InlineData("12,345,678.9", 12345678.9)]
    [InlineData("0.005", 0.005)]
    public void Parse_AmountFormats_AreExactDecimals(string text, double expected)
    {
        var result = ParseRow(("amount", text), ("open_amount", text));

        result.AssertValid();
        Assert.Equal((decimal)expected, Assert.Single(Assert.Single(result.Accounts).Items).Amount);
    }

    [Theory]
    [InlineData("€100.00", "currency symbols")]
    [InlineData("100.00 EUR", "currency symbols")]
    [InlineData("¥100", "currency symbols")]
    [InlineData("1,5", "thousands")]
    [InlineData("12,34.00", "thousands")]
    [InlineData("1.2.3", "decimal")]
    [InlineData("1 000", "unexpected")]
    [InlineData("abc", "currency symbols")]
    [InlineData("(-5)", "sign")]
    [InlineData("5.", "decimal")]
    public void Parse_BadAmount_IsInvalidAmount(string text, string hint)
    {
        var error = ParseRow(("amount", text)).Errors.First();

        Assert.Equal((LedgerErrorCode.InvalidAmount, 2, "amount", text), (error.Code, error.Row, error.Column, error.Value));
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("RMB")]
    [InlineData("US$")]
    public void Parse_UnknownCurrency_IsAnError(string value)
    {
        ParseRow(("currency", value)).AssertError(LedgerErrorCode.UnknownCurrency, 2, "currency", value);
    }

    [Theory]
    [InlineData("100", "100", true)]
    [InlineData("100", "0", true)]
    [InlineData("100", "40", true)]
    [InlineData("100", "100.01", false)]
    [InlineData("100", "-1", false)]
    [InlineData("-100", "-100", true)]
    [InlineData("-100", "0", true)]
    [InlineData("(100)", "-30", true)]
    [InlineData("-100", "1", false)]
    [InlineData("-100", "-100.01", false)]
    public void Parse_SignRules_InvoiceAndCredit(string amount, string open, bool valid)
    {
        var result = ParseRow(("amount", amount), ("open_amount", open));

        if (valid)
        {
            result.AssertValid();
        }
        else
        {
            result.AssertError(LedgerErrorCode.SignRule, 2, "open_amount");
        }
    }

    [Fact]
    public void Parse_ZeroAmount_IsASignError()
    {
        ParseRow(("amount", "0.00"), ("open_amount", "0")).AssertError(LedgerErrorCode.SignRule, 2, "amount");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("yes", true)]
    [InlineData("No", false)]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("", false)]
    public void Parse_DisputedValues_AreAccepted(string value, bool expected)
    {
        var result = ParseRow(("disputed", value));

        result.AssertValid();
        Assert.Equal(expected, result.Accounts[0].Items[0].Disputed);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    [InlineData("争议中")]
    public void Parse_DisputedUnknownValue_IsAnError(string value)
    {
        ParseRow(("disputed", value)).AssertError(LedgerErrorCode.InvalidFlag, 2, "disputed", value);
    }

    [Theory]
    [InlineData("en", NoticeLanguage.English)]
    [InlineData("zh-CN", NoticeLanguage.ChineseSimplified)]
    [InlineData("ZH-cn", NoticeLanguage.ChineseSimplified)]
    public void Parse_Language_IsAccepted(string value, NoticeLanguage expected)
    {
        var result = ParseRow(("language", value));

        result.AssertValid();
        Assert.Equal(expected, result.Accounts[0].Contact.Language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("中文")]
    public void Parse_UnsupportedLanguage_IsAnError(string value)
    {
        ParseRow(("language", value)).AssertError(LedgerErrorCode.InvalidLanguage, 2, "language", value);
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    public void Parse_IanaTimeZone_IsAccepted(string value)
    {
        var result = ParseRow(("time_zone", value));

        result.AssertValid();
        Assert.Equal(value, result.Accounts[0].Contact.TimeZoneId);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("China Standard Time")]
    [InlineData("GMT+8")]
    public void Parse_UnknownOrWindowsTimeZone_IsAnError(string value)
    {
        ParseRow(("time_zone", value)).AssertError(LedgerErrorCode.InvalidTimeZone, 2, "time_zone", value);
    }

    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("de", "DE")]
    [InlineData(" hk ", "HK")]
    public void Parse_Country_IsNormalised(string value, string expected)
    {
        var result = ParseRow(("country", value));

        result.AssertValid();
        Assert.Equal(expected, result.Accounts[0].Contact.Country);
    }

    [Theory]
    [InlineData("CHN")]
    [InlineData("XX")]
    [InlineData("China")]
    public void Parse_UnknownCountry_IsAnError(string value)
    {
        ParseRow(("country", value)).AssertError(LedgerErrorCode.InvalidCountry, 2, "country", value);
    }

    [Fact]
    public void CountryCodes_HasAllAssignedCodes()
    {
        Assert.Equal(249, CountryCodes.Count);
    }

    [Theory]
    [InlineData("A", CreditGrade.A)]
    [InlineData("b", CreditGrade.B)]
    [InlineData("C", CreditGrade.C)]
    [InlineData("D", CreditGrade.D)]
    public void Parse_Grade_IsAccepted(string value, CreditGrade expected)
    {
        var result = ParseRow(("credit_grade", value));

        result.AssertValid();
        Assert.Equal(expected, result.Accounts[0].Contact.Grade);
    }

    [Theory]
    [InlineData("E")]
    [InlineData("AA")]
    [InlineData("1")]
    public void Parse_UnknownGrade_IsAnError(string value)
    {
        ParseRow(("credit_grade", value)).AssertError(LedgerErrorCode.InvalidGrade, 2, "credit_grade", value);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a@b")]
    [InlineData("a b@c.example.com")]
    [InlineData("a@@c.example.com")]
    [InlineData("Wang <wang@c.example.com>")]
    [InlineData(".a@c.example.com")]
    public void Parse_BadContactEmail_IsAnError(string value)
    {
        ParseRow(("contact_email", value)).AssertError(LedgerErrorCode.InvalidEmail, 2, "contact_email", value);
    }

    [Fact]
    public void Parse_CcEmails_EachAddressIsChecked()
    {
        var result = ParseRow(("cc_emails", "boss@acme.example.com; not-an-address ;cfo@acme.example.com;"));

        result.AssertError(LedgerErrorCode.InvalidEmail, 2, "cc_emails", "not-an-address");
        Assert.Single(result.Errors);

        var ok = ParseRow(("cc_emails", "boss@acme.example.com; cfo@acme.example.com"));
        ok.AssertValid();
        Assert.Equal(["boss@acme.example.com", "cfo@acme.example.com"], ok.Accounts[0].Contact.CcEmails);
    }

    [Theory]
    [InlineData("first.last+dunning@sub.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("财务@例子.中国")]
    [InlineData("AP_Dept-1@Example-Corp.COM")]
    public void Parse_ValidContactEmail_IsAccepted(string value)
    {
        ParseRow(("contact_email", value)).AssertValid();
    }

    [Fact]
    public void Parse_ForwardOnlyStream_StampsTheDigestOnProvenance()
    {
        var result = Ledgers.Parse(LedgerCsv.Canonical().Row().Row().ToUtf8(), seekable: false);

        result.AssertValid();
        Assert.All(result.Accounts[0].Items, i => Assert.Equal(result.Sha256, i.Provenance!.Sha256));
    }

    [Theory]
    [InlineData("customer_id", "K/1")]
    [InlineData("invoice_id", "INV#1")]
    [InlineData("entity", "SH?01")]
    public void Parse_IdentifierWithKeyCharacters_IsAnError(string column, string value)
    {
        ParseRow((column, value)).AssertError(LedgerErrorCode.InvalidIdentifier, 2, column, value);
    }

    [Fact]
    public void Parse_DuplicateInvoiceInSameEntity_IsAnError()
    {
        var text = LedgerCsv.Canonical()
            .Row(("invoice_id", "INV-9"), ("entity", "SH01"))
            .Row(("invoice_id", "INV-9"), ("entity", "BJ02"))
            .Row(("invoice_id", "INV-9"), ("entity", "SH01"))
            .ToText();

        var error = Ledgers.Parse(text).SingleError();

        Assert.Equal((LedgerErrorCode.DuplicateInvoice, 4, "invoice_id", "INV-9"), (error.Code, error.Row, error.Column, error.Value));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateInvoiceWithDefaultEntity_IsAnError()
    {
        var text = LedgerCsv.Canonical().Row(("invoice_id", "X")).Row(("invoice_id", "X"), ("customer_id", "K-2")).ToText();

        Ledgers.Parse(text).AssertError(LedgerErrorCode.DuplicateInvoice, 3, "invoice_id", "X");
    }

    [Fact]
    public void Parse_TwoAsOfValues_IsAnError()
    {
        var text = LedgerCsv.Canonical()
            .Row(("as_of", "2026-06-12"))
            .Row(("as_of", ""))
            .Row(("as_of", "2026-06-13"))
            .ToText();

        var result = Ledgers.Parse(text);

        result.AssertError(LedgerErrorCode.AsOfConflict, 4, "as_of", "2026-06-13");
    }

    [Fact]
    public void Parse_AccountWithTwoEmails_IsInconsistent()
    {
        var text = LedgerCsv.Canonical()
            .Row(("contact_email", "ap@acme.example.com"))
            .Row(("contact_email", "AP@ACME.example.com"))
            .Row(("contact_email", "other@acme.example.com"))
            .ToText();

        var error = Ledgers.Parse(text).SingleError();

        Assert.Equal((LedgerErrorCode.InconsistentAccount, 4, "contact_email"), (error.Code, error.Row, error.Column));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AccountDetailsOnlyOnFirstRow_AreRepeatedNotConflicting()
    {
        var text = LedgerCsv.Canonical()
            .Row(("language", "zh-CN"), ("time_zone", "Asia/Shanghai"), ("credit_grade", "C"), ("contact_name", "王经理"))
            .Row(("language", ""), ("time_zone", ""), ("credit_grade", ""), ("contact_name", ""))
            .Row(("credit_grade", "D"))
            .ToText();

        var result = Ledgers.Parse(text);

        result.AssertError(LedgerErrorCode.InconsistentAccount, 4, "credit_grade", "D");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_AccountNameDiffers_IsInconsistent()
    {
        var text = LedgerCsv.Canonical().Row(("customer_name", "Acme")).Row(("customer_name", "Acme GmbH")).ToText();

        Ledgers.Parse(text).AssertError(LedgerErrorCode.InconsistentAccount, 3, "customer_name", "Acme GmbH");
    }

    [Fact]
    public void Parse_AllErrorsOfAllRows_AreReportedAtOnce()
    {
        var text = LedgerCsv.Canonical()
            .Row(("due_date", "2026-02-30"), ("currency", "XXX"), ("amount", "abc"))
            .Row()
            .Row(("contact_email", "nope"), ("credit_grade", "Z"))
            .ToText();

        var result = Ledgers.Parse(text);

        Assert.Equal(5, result.ErrorCount);
        Assert.Equal(
            [(2, "amount"), (2, "currency"), (2, "due_date"), (4, "contact_email"), (4, "credit_grade")],
            result.Errors.Select(e => (e.Row!.Value, e.Column!)).Order());
        Assert.Empty(result.Accounts);
        Assert.Equal(3, result.RowCount);
    }

    [Fact]
    public void Parse_ManyErrors_AreCappedAndCounted()
    {
        var csv = LedgerCsv.Canonical();
        for (var i = 0; i < 50; i++)
        {
            csv.Row(("currency", "???"));
        }

        var result = Ledgers.Parse(csv.ToText(), options: new IngestOptions { MaxErrors = 10 });

        Assert.Equal(10, result.Errors.Count);
        Assert.Equal(50, result.ErrorCount);
        Assert.Equal(40, result.ErrorsOmitted);
    }

    [Fact]
    public void Parse_Defaults_ComeFromOptions()
    {
        var options = new IngestOptions { DefaultEntity = "hq", DefaultLanguage = "zh-CN", DefaultTimeZone = "Europe/Berlin", DefaultCountry = "de", DefaultGrade = CreditGrade.C };

        var result = Ledgers.Parse(LedgerCsv.Canonical().Row().ToText(), options: options);

        result.AssertValid();
        var account = Assert.Single(result.Accounts);
        Assert.Equal(new AccountKey("hq", "K-1"), account.Key);
        Assert.Equal(["hq"], result.Entities);
        Assert.Equal(NoticeLanguage.ChineseSimplified, account.Contact.Language);
        Assert.Equal("Europe/Berlin", account.Contact.TimeZoneId);
        Assert.Equal("DE", account.Contact.Country);
        Assert.Equal(CreditGrade.C, account.Contact.Grade);
    }

    [Fact]
    public void Parse_NoGradeAnywhere_DefaultsToB()
    {
        var result = Ledgers.Parse(LedgerCsv.Canonical().Row().ToText());

        Assert.Equal(CreditGrade.B, Assert.Single(result.Accounts).Contact.Grade);
        Assert.Equal(AccountKey.DefaultEntity, result.Accounts[0].Key.Entity);
    }

    [Fact]
    public void IngestOptions_Invalid_ListsEveryProblem()
    {
        var options = new IngestOptions { DefaultLanguage = "fr", DefaultTimeZone = "Nowhere/Town", DefaultCountry = "ZZ", MaxErrors = 0, DefaultEntity = "a/b" };

        var ex = Assert.Throws<InvalidOperationException>(() => new LedgerParser(options));

        Assert.Equal(
            "Invalid ingest options: The field MaxErrors must be between 1 and 100000. DefaultEntity contains characters not allowed in an identifier. " +
            "DefaultLanguage 'fr' is not en or zh-CN. DefaultTimeZone 'Nowhere/Town' is not a known IANA time zone. DefaultCountry 'ZZ' is not an ISO 3166 alpha-2 code.",
            ex.Message);
    }

    [Fact]
    public void Parse_ValidRow_CarriesProvenance()
    {
        var result = Ledgers.Parse(LedgerCsv.Canonical().Row(("po_number", "PO-77")).ToText(), fileName: "ar.csv");

        var item = Assert.Single(Assert.Single(result.Accounts).Items);
        Assert.Equal(new ItemProvenance("ar.csv", result.Sha256, 2), item.Provenance);
        Assert.Equal("PO-77", item.PoNumber);
        Assert.Equal(64, result.Sha256.Length);
    }
}
