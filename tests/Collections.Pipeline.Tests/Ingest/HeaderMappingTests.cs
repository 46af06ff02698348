using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class HeaderMappingTests
{
    public static TheoryData<string, LedgerField> EnglishAliases => new()
    {
        { "customer", LedgerField.CustomerId }, { "customer no", LedgerField.CustomerId }, { "account", LedgerField.CustomerId },
        { "customer name", LedgerField.CustomerName }, { "name", LedgerField.CustomerName },
        { "email", LedgerField.ContactEmail }, { "e-mail", LedgerField.ContactEmail },
        { "contact", LedgerField.ContactName }, { "cc", LedgerField.CcEmails }, { "lang", LedgerField.Language },
        { "timezone", LedgerField.TimeZone }, { "tz", LedgerField.TimeZone }, { "country", LedgerField.Country },
        { "grade", LedgerField.CreditGrade }, { "segment", LedgerField.CreditGrade },
        { "company", LedgerField.Entity }, { "company code", LedgerField.Entity },
        { "invoice", LedgerField.InvoiceId }, { "invoice no", LedgerField.InvoiceId }, { "document", LedgerField.InvoiceId },
        { "date", LedgerField.InvoiceDate }, { "document date", LedgerField.InvoiceDate },
        { "due", LedgerField.DueDate }, { "due on", LedgerField.DueDate },
        { "ccy", LedgerField.Currency }, { "cur", LedgerField.Currency },
        { "original amount", LedgerField.Amount }, { "total", LedgerField.Amount },
        { "open balance", LedgerField.OpenAmount }, { "balance", LedgerField.OpenAmount }, { "outstanding", LedgerField.OpenAmount },
        { "dispute", LedgerField.Disputed }, { "po", LedgerField.PoNumber }, { "as of", LedgerField.AsOf },
    };

    public static TheoryData<string, LedgerField> SimplifiedChineseAliases => new()
    {
        { "客户编号", LedgerField.CustomerId }, { "客户代码", LedgerField.CustomerId }, { "客户名称", LedgerField.CustomerName },
        { "联系邮箱", LedgerField.ContactEmail }, { "邮箱", LedgerField.ContactEmail }, { "联系人", LedgerField.ContactName },
        { "抄送邮箱", LedgerField.CcEmails }, { "语言", LedgerField.Language }, { "时区", LedgerField.TimeZone },
        { "国家", LedgerField.Country }, { "信用等级", LedgerField.CreditGrade }, { "公司主体", LedgerField.Entity },
        { "账套", LedgerField.Entity }, { "发票号", LedgerField.InvoiceId }, { "单据号", LedgerField.InvoiceId },
        { "开票日期", LedgerField.InvoiceDate }, { "单据日期", LedgerField.InvoiceDate }, { "到期日", LedgerField.DueDate },
        { "币种", LedgerField.Currency }, { "金额", LedgerField.Amount }, { "原币金额", LedgerField.Amount },
        { "未收金额", LedgerField.OpenAmount }, { "余额", LedgerField.OpenAmount }, { "争议", LedgerField.Disputed },
        { "订单号", LedgerField.PoNumber }, { "截止日期", LedgerField.AsOf },
    };

    public static TheoryData<string, LedgerField> TraditionalChineseAliases => new()
    {
        { "客戶編號", LedgerField.CustomerId }, { "客戶名稱", LedgerField.CustomerName }, { "聯絡郵箱", LedgerField.ContactEmail },
        { "電郵", LedgerField.ContactEmail }, { "聯絡人", LedgerField.ContactName }, { "抄送郵箱", LedgerField.CcEmails },
        { "語言", LedgerField.Language }, { "時區", LedgerField.TimeZone }, { "國家", LedgerField.Country },
        { "信用等級", LedgerField.CreditGrade }, { "公司主體", LedgerField.Entity }, { "發票號", LedgerField.InvoiceId },
        { "單據號", LedgerField.InvoiceId }, { "開票日期", LedgerField.InvoiceDate },
        { "幣種", LedgerField.Currency }, { "金額", LedgerField.Amount }, { "未收金額", LedgerField.OpenAmount },
        { "餘額", LedgerField.OpenAmount }, { "爭議", LedgerField.Disputed }, { "訂單號", LedgerField.PoNumber },
    };

    // xUnit drops a theory row whose arguments repeat another's without a word (到期日 is written the same in
    // both scripts, so it is listed once): this keeps every alias row a test that runs.
    [Fact]
    public void AliasTables_NoRowRepeats_SoXunitRunsEveryOne()
    {
        var rows = EnglishAliases.Concat(SimplifiedChineseAliases).Concat(TraditionalChineseAliases)
            .Select(r => (string)r[0] + "|" + r[1]).ToList();

        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(EnglishAliases))]
    [MemberData(nameof(SimplifiedChineseAliases))]
    [MemberData(nameof(TraditionalChineseAliases))]
    public void TryFromHeader_Alias_MapsToField(string alias, LedgerField expected)
    {
        Assert.True(LedgerFields.TryFromHeader(alias, out var field));
        Assert.Equal(expected, field);
    }

    [Theory]
    [InlineData("customer_id")]
    [InlineData("Customer ID")]
    [InlineData("CUSTOMER-ID")]
    [InlineData("  customer   id ")]
    [InlineData("CustomerId")]
    [InlineData("Customer No.")]
    [InlineData("\uFEFFcustomer_id")]
    public void TryFromHeader_CaseSpacesUnderscoresHyphens_AreEquivalent(string header)
    {
        Assert.True(LedgerFields.TryFromHeader(header, out var field));
        Assert.Equal(LedgerField.CustomerId, field);
    }

    [Fact]
    public void EveryField_CanonicalNameMapsToItself()
    {
        foreach (var field in Enum.GetValues<LedgerField>())
        {
            Assert.True(LedgerFields.TryFromHeader(field.ToName(), out var mapped));
            Assert.Equal(field, mapped);
        }
    }

    [Fact]
    public void Parse_EnglishAliasHeader_IsRead()
    {
        var text = "Customer No,Customer Name,E-mail,Invoice No,Document Date,Due On,CCY,Original Amount,Outstanding,Notes\n" +
                   "K-7,Acme Ltd,ap@acme.example.com,INV-7,2026-05-01,2026-05-31,USD,10.00,10.00,ignored column\n";

        var result = Ledgers.Parse(text);

        result.AssertValid();
        Assert.Equal(10m, Assert.Single(Assert.Single(result.Accounts).Items).OpenAmount);
    }

    [Fact]
    public void Parse_TraditionalChineseHeader_IsRead()
    {
        var text = "客戶編號,客戶名稱,電郵,發票號,開票日期,到期日,幣種,金額,餘額,爭議\n" +
                   "HK-1,香港利豐貿易有限公司,ar@lifung.example.hk,INV-HK-1,2026-05-01,2026-05-31,HKD,\"8,800.00\",\"8,800.00\",否\n";

        var result = Ledgers.Parse(text);

        result.AssertValid();
        var account = Assert.Single(result.Accounts);
        Assert.Equal("香港利豐貿易有限公司", account.CustomerName);
        Assert.Equal(8800m, account.Items[0].Amount);
    }

    [Fact]
    public void Parse_MissingRequiredColumns_NamesThemAll()
    {
        var text = LedgerCsv.Canonical().Without("due_date").Without("currency").Row().ToText();

        var errors = Ledgers.Parse(text).Errors;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(LedgerErrorCode.MissingColumns, e.Code));
        Assert.All(errors, e => Assert.Null(e.Row));
        Assert.All(errors, e => Assert.Contains("missing required columns: due_date, currency", e.Message, StringComparison.Ordinal));
        Assert.Equal(["due_date", "currency"], errors.Select(e => e.Column));
    }

    [Fact]
    public void Parse_TwoColumnsForOneField_IsAnError()
    {
        var text = "customer_id,customer_name,contact_email,invoice_id,invoice_date,due_date,currency,amount,total,open_amount\n" +
                   "K-1,A,a@b.example.com,I-1,2026-05-01,2026-05-31,EUR,1,1,1\n";

        var result = Ledgers.Parse(text);

        result.AssertError(LedgerErrorCode.DuplicateColumn, 1, "amount", "total");
    }
}
