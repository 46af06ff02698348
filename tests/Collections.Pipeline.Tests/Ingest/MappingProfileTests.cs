using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class MappingProfileTests
{
    private const string UsExport =
        "Cust #,Customer,Bill-To Email,Inv #,Inv Date,Due Date,Curr,Inv Amt,Amt Due,In Dispute,Cust PO,Region\n" +
        "C-100,\"Contoso, Inc.\",ar@contoso.example.com,900001,04/03/2026,05/03/2026,,\"1,250.00\",\"1,250.00\",N,PO-1,East\n" +
        "C-100,\"Contoso, Inc.\",ar@contoso.example.com,900002,4/15/2026,5/15/2026,USD,(200.00),(200.00),N,,East\n" +
        "C-200,Fabrikam LLC,billing@fabrikam.example.com,900003,12/01/2025,12/31/2025,CAD,980.5,0,Y,,West\n";

    private static MappingProfile ShippedUsProfile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "profiles", "us-erp.json")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var json = File.ReadAllText(Path.Combine(dir.FullName, "docs", "profiles", "us-erp.json"));
        Assert.True(MappingProfile.TryParse(json, out var profile, out var errors), string.Join("; ", errors));
        return profile;
    }

    [Fact]
    public void ShippedUsProfile_ReadsAnEnglishExportWithUsDates()
    {
        var profile = ShippedUsProfile();

        var result = Ledgers.Parse(UsExport, "contoso.csv", r => r with { Profile = profile });

        result.AssertValid();
        Assert.Equal(["us01"], result.Entities);
        var contoso = result.Accounts.Single(a => a.Key.CustomerId == "C-100");
        Assert.Equal("Contoso, Inc.", contoso.CustomerName);
        Assert.Equal("America/New_York", contoso.Contact.TimeZoneId);
        Assert.Equal("US", contoso.Contact.Country);
        var first = contoso.Items[0];
        Assert.Equal((new DateOnly(2026, 4, 3), new DateOnly(2026, 5, 3)), (first.InvoiceDate, first.DueDate));
        Assert.Equal(Currency.Parse("USD"), first.Currency);
        Assert.Equal(1250.00m, first.Amount);
        Assert.Equal(new DateOnly(2026, 5, 15), contoso.Items[1].DueDate);
        Assert.Equal(-200m, contoso.Items[1].OpenAmount);
        var fabrikam = result.Accounts.Single(a => a.Key.CustomerId == "C-200");
        Assert.True(fabrikam.Items[0].Disputed);
        Assert.Equal(Currency.Parse("CAD"), fabrikam.Items[0].Currency);
    }

    [Fact]
    public void ShippedUsProfile_ReadsTheSampleExportFile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Ingest", "Data", "us-erp-export_2026-06-12.csv");
        var request = new LedgerParseRequest(Path.GetFileName(path), Ledgers.UploadDate) { Profile = ShippedUsProfile() };

        var result = new LedgerParser(new IngestOptions()).ParseFile(path, request);

        result.AssertValid();
        Assert.Equal((new DateOnly(2026, 6, 12), AsOfSource.FileName), (result.AsOf, result.AsOfSource));
        Assert.Equal(["us01", "us02"], result.Entities);
        var contoso = result.Accounts.Single(a => a.Key == new AccountKey("us01", "C-100"));
        Assert.Equal((CreditGrade.A, "Pat Lee"), (contoso.Contact.Grade, contoso.Contact.ContactName));
        Assert.Equal(["cfo@contoso.example.com"], contoso.Contact.CcEmails);
        var fabrikam = result.Accounts.Single(a => a.Key == new AccountKey("us02", "C-200"));
        Assert.Equal((980.50m, 490.25m, true), (fabrikam.Items[0].Amount, fabrikam.Items[0].OpenAmount, fabrikam.Items[0].Disputed));
    }

    [Fact]
    public void UsProfile_DayFirstDate_IsRejectedNotSwapped()
    {
        var text = UsExport.Replace("04/03/2026", "13/04/2026", StringComparison.Ordinal);

        var result = Ledgers.Parse(text, "contoso.csv", r => r with { Profile = ShippedUsProfile() });

        result.AssertError(LedgerErrorCode.InvalidDate, 2, "invoice_date", "13/04/2026");
    }

    [Fact]
    public void Profile_WithConflictingFormats_RejectsAmbiguousDates()
    {
        const string json = """{ "dateFormats": ["MM/dd/yyyy", "dd/MM/yyyy"] }""";
        Assert.True(MappingProfile.TryParse(json, out var profile, out _));

        var result = Ledgers.Parse(LedgerCsv.Canonical().Row(("invoice_date", "04/03/2026")).Row(("invoice_date", "25/03/2026")).ToText(), configure: r => r with { Profile = profile });

        var error = result.SingleError();
        Assert.Equal((2, "invoice_date"), (error.Row, error.Column));
        Assert.Contains("ambiguous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_EuropeanSeparators_ReadAmounts()
    {
        const string json = """{ "dateFormats": ["dd.MM.yyyy"], "decimalSeparator": ",", "thousandsSeparator": "." }""";
        Assert.True(MappingProfile.TryParse(json, out var profile, out _));
        var text = LedgerCsv.Canonical().Row(("amount", "1.234,56"), ("open_amount", "(1.234,56)"), ("due_date", "31.05.2026")).ToText(';');

        var result = Ledgers.Parse(text, configure: r => r with { Profile = profile });

        result.AssertError(LedgerErrorCode.SignRule, 2, "open_amount");
        var ok = Ledgers.Parse(text.Replace("(1.234,56)", "234,56", StringComparison.Ordinal), configure: r => r with { Profile = profile });
        ok.AssertValid();
        Assert.Equal((1234.56m, 234.56m), (ok.Accounts[0].Items[0].Amount, ok.Accounts[0].Items[0].OpenAmount));
    }

    [Fact]
    public void Profile_NoThousandsSeparator_RejectsGrouping()
    {
        Assert.True(MappingProfile.TryParse("""{ "thousandsSeparator": "" }""", out var profile, out _));

        var result = Ledgers.Parse(LedgerCsv.Canonical().Row(("amount", "1,000")).ToText(), configure: r => r with { Profile = profile });

        result.AssertError(LedgerErrorCode.InvalidAmount, 2, "amount", "1,000");
    }

    [Fact]
    public void Profile_Defaults_FillEmptyCellsAndBeatOptions()
    {
        const string json = """{ "defaults": { "entity": "hk01", "language": "zh-CN", "timeZone": "Asia/Hong_Kong", "country": "hk", "grade": "a" } }""";
        Assert.True(MappingProfile.TryParse(json, out var profile, out _));

        var result = Ledgers.Parse(LedgerCsv.Canonical().Row().Row(("entity", "sh01"), ("customer_id", "K-2")).ToText(), configure: r => r with { Profile = profile });

        result.AssertValid();
        Assert.Equal(["hk01", "sh01"], result.Entities);
        var account = result.Accounts.Single(a => a.Key == new AccountKey("hk01", "K-1"));
        Assert.Equal((NoticeLanguage.ChineseSimplified, "Asia/Hong_Kong", "HK", CreditGrade.A), (account.Contact.Language, account.Contact.TimeZoneId, account.Contact.Country, account.Contact.Grade));
    }

    [Fact]
    public void Profile_DefaultCurrency_MakesTheColumnOptional()
    {
        Assert.True(MappingProfile.TryParse("""{ "defaults": { "currency": "CNY" } }""", out var profile, out _));

        var result = Ledgers.Parse(LedgerCsv.Canonical().Without("currency").Row().ToText(), configure: r => r with { Profile = profile });

        result.AssertValid();
        Assert.Equal("CNY", result.Accounts[0].Items[0].Currency.Code);
    }

    [Fact]
    public void TryParse_InvalidProfile_ListsEveryProblem()
    {
        const string json = """
            {
              "columns": { "Cust": "customer_number", "Amt": "amount" },
              "dateFormats": ["HH:mm"],
              "decimalSeparator": ";",
              "defaults": { "currency": "XXX", "language": "fr", "timeZone": "Mars/Base", "country": "ZZ", "grade": "E", "entity": "a/b" }
            }
            """;

        Assert.False(MappingProfile.TryParse(json, out _, out var errors));

        Assert.Equal(9, errors.Count);
        Assert.Contains(errors, e => e.Contains("customer_number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("HH:mm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "colums": {} }""")]
    [InlineData("null")]
    public void TryParse_MalformedOrMisspelt_IsRejected(string json)
    {
        Assert.False(MappingProfile.TryParse(json, out _, out var errors));
        Assert.NotEmpty(errors);
    }
}
