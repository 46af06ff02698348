using System.Security.Cryptography;
using System.Text;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class CsvReadingTests
{
    private static readonly Encoding Gb18030;

    static CsvReadingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    private static string ChineseLedger() => LedgerCsv.Canonical()
        .Row(("customer_name", "上海华东机电有限公司"), ("contact_name", "王经理"))
        .ToText();

    [Fact]
    public void Parse_Utf8WithoutBom_ReadsChinese()
    {
        var result = Ledgers.Parse(Encoding.UTF8.GetBytes(ChineseLedger()));

        result.AssertValid();
        Assert.Equal("utf-8", result.Encoding);
        Assert.Equal("上海华东机电有限公司", Assert.Single(result.Accounts).CustomerName);
    }

    [Fact]
    public void Parse_Utf8WithBom_StripsBomFromFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ChineseLedger())).ToArray();

        var result = Ledgers.Parse(bytes);

        result.AssertValid();
        Assert.Equal("K-1", Assert.Single(result.Accounts).Key.CustomerId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Sha256);
    }

    [Fact]
    public void Parse_Gb18030Explicit_ReadsChinese()
    {
        var result = Ledgers.Parse(Gb18030.GetBytes(ChineseLedger()), configure: r => r with { EncodingName = "gb18030" });

        result.AssertValid();
        Assert.Equal("gb18030", result.Encoding);
        Assert.Equal("王经理", Assert.Single(result.Accounts).Contact.ContactName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Parse_Gb18030NotValidUtf8_IsDetected(bool seekable)
    {
        var result = Ledgers.Parse(Gb18030.GetBytes(ChineseLedger()), seekable: seekable);

        result.AssertValid();
        Assert.Equal("gb18030", result.Encoding);
        Assert.Equal("上海华东机电有限公司", Assert.Single(result.Accounts).CustomerName);
    }

    [Fact]
    public void Parse_Gb18030AfterLongAsciiPrefix_RestartsAsGb18030WhenSeekable()
    {
        // 2,000 ASCII-only rows (> the 64 KiB sniffed block) and only then Chinese text.
        var csv = LedgerCsv.Canonical();
        for (var i = 0; i < 2000; i++)
        {
            csv.Row(("customer_id", "K-ASCII"), ("customer_name", "Plain ASCII Customer Name Ltd"));
        }

        csv.Row(("customer_id", "K-CN"), ("customer_name", "深圳南方电子股份有限公司"));
        var bytes = Gb18030.GetBytes(csv.ToText());
        Assert.True(bytes.Length > 64 * 1024);

        var result = Ledgers.Parse(bytes);

        result.AssertValid();
        Assert.Equal("gb18030", result.Encoding);
        Assert.Equal("深圳南方电子股份有限公司", result.Accounts.Single(a => a.Key.CustomerId == "K-CN").CustomerName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Sha256);
    }

    [Fact]
    public void Parse_Gb18030AfterLongAsciiPrefixNotSeekable_AsksForTheEncoding()
    {
        var csv = LedgerCsv.Canonical();
        for (var i = 0; i < 2000; i++)
        {
            csv.Row(("customer_id", "K-ASCII"), ("customer_name", "Plain ASCII Customer Name Ltd"));
        }

        csv.Row(("customer_id", "K-CN"), ("customer_name", "深圳南方电子股份有限公司"));
        var bytes = Gb18030.GetBytes(csv.ToText());

        var result = Ledgers.Parse(bytes, seekable: false);

        var error = result.SingleError();
        Assert.Equal(LedgerErrorCode.Encoding, error.Code);
        Assert.Contains("gb18030", error.Message, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Sha256);
    }

    [Fact]
    public void Parse_UnknownEncodingName_IsAFileError()
    {
        var result = Ledgers.Parse(ChineseLedger(), configure: r => r with { EncodingName = "klingon-8" });

        Assert.Equal(LedgerErrorCode.Encoding, result.SingleError().Code);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void Parse_Delimiter_IsDetectedFromHeader(char delimiter)
    {
        var text = LedgerCsv.Canonical()
            .Row(("customer_name", "Müller, Schmidt; Partner"), ("amount", "1,250.00"), ("open_amount", "1,250.00"))
            .ToText(delimiter);

        var result = Ledgers.Parse(text);

        result.AssertValid();
        var account = Assert.Single(result.Accounts);
        Assert.Equal("Müller, Schmidt; Partner", account.CustomerName);
        Assert.Equal(1250.00m, Assert.Single(account.Items).Amount);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Parse_LineEndings_AreAllAccepted(string newline)
    {
        var text = LedgerCsv.Canonical().Row().Row().ToText(',', newline);

        var result = Ledgers.Parse(text);

        result.AssertValid();
        Assert.Equal(2, result.RowCount);
        Assert.Equal([2, 3], result.Accounts.Single().Items.Select(i => i.Provenance!.Row));
    }

    [Fact]
    public void Parse_QuotedFieldsWithQuotesDelimitersAndNewlines_KeepSpreadsheetRowNumbers()
    {
        var text =
            "customer_id,customer_name,contact_email,invoice_id,invoice_date,due_date,currency,amount,open_amount,contact_name\r\n" +
            "K-1,\"Acme \"\"Global\"\", Inc.\",ap@acme.example.com,INV-1,2026-05-01,2026-05-31,EUR,\"1,000.00\",\"1,000.00\",\"Line one\r\nline two\"\r\n" +
            "K-1,\"Acme \"\"Global\"\", Inc.\",ap@acme.example.com,INV-2,2026-05-01,not-a-date,EUR,5.00,5.00,\"Line one\r\nline two\"\r\n";

        var result = Ledgers.Parse(text);

        // The multi-line field does not shift numbering: the second data record is spreadsheet row 3.
        result.AssertError(LedgerErrorCode.InvalidDate, 3, "due_date", "not-a-date");
        Assert.Equal(2, result.RowCount);

        var ok = Ledgers.Parse(text.Replace("not-a-date", "2026-05-31", StringComparison.Ordinal));
        ok.AssertValid();
        var account = Assert.Single(ok.Accounts);
        Assert.Equal("Acme \"Global\", Inc.", account.CustomerName);
        Assert.Equal("Line one\r\nline two", account.Contact.ContactName);
        Assert.Equal(1000m, account.Items[0].Amount);
    }

    [Fact]
    public void Parse_BlankLines_AreSkippedButCounted()
    {
        var lines = LedgerCsv.Canonical().Row().Row().ToText().Split('\n');
        var text = "\n" + lines[0] + "\n\n" + lines[1] + "\n,,,\n" + lines[2] + "\n\n";

        var result = Ledgers.Parse(text);

        result.AssertValid();
        Assert.Equal(2, result.RowCount);
        Assert.Equal([4, 6], result.Accounts.Single().Items.Select(i => i.Provenance!.Row));
    }

    [Fact]
    public void Parse_UnterminatedQuote_IsMalformedAtTheRowItStarts()
    {
        var text = LedgerCsv.Canonical().Row().ToText() + "K-2,\"Broken name,ap@x.example.com,INV-9,2026-05-01,2026-05-31,EUR,1,1\n";

        var result = Ledgers.Parse(text);

        result.AssertError(LedgerErrorCode.Malformed, 3, null);
    }

    [Fact]
    public void Parse_RunawayQuotedField_StopsAtTheFieldCap()
    {
        var text = LedgerCsv.Canonical().Row().ToText() + "K-2,\"" + new string('x', 5000) + "\n" + string.Concat(Enumerable.Repeat("more,rows\n", 1000));

        var result = Ledgers.Parse(text, options: new IngestOptions { MaxFieldLength = 2048 });

        result.AssertError(LedgerErrorCode.Malformed, 3, null);
    }

    [Fact]
    public void Parse_Sha256_IsOfTheExactBytesWhateverTheOutcome()
    {
        var bytes = Encoding.UTF8.GetBytes("this is not, a ledger\n1,2\n");

        var result = Ledgers.Parse(bytes);

        Assert.False(result.IsValid);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Sha256);
    }

    [Fact]
    public void Parse_LargeNonSeekableFile_StreamsInValidateOnlyMode()
    {
        // 100,000 rows through a forward-only stream; nothing materialised but one entry per invoice id.
        var sb = new StringBuilder("customer_id,customer_name,contact_email,invoice_id,invoice_date,due_date,currency,amount,open_amount\n");
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append("K-").Append(i % 500).Append(",Customer,ap@c.example.com,INV-").Append(i).Append(",2026-05-01,2026-05-31,EUR,\"1,200.50\",600.25\n");
        }

        var result = Ledgers.Parse(Encoding.UTF8.GetBytes(sb.ToString()), configure: r => r with { IncludeAccounts = false }, seekable: false);

        result.AssertValid();
        Assert.Equal(100_000, result.RowCount);
        Assert.Equal(500, result.AccountCount);
        Assert.Empty(result.Accounts);
    }
}
