using System.IO.Compression;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>Issue 16 points 2 to 4 for workbooks: tiny hostile files are refused before they are read.</summary>
public sealed class HostileXlsxTests
{
    private static readonly object[] Header =
        ["customer_id", "customer_name", "contact_email", "invoice_id", "invoice_date", "due_date", "currency", "amount", "open_amount"];

    [Fact]
    public void Parse_NumberCell1e300_IsARowError()
    {
        var bytes = RawXlsx.Build(RawXlsx.Row(1, Header) + DataRow(2, amount: 1e300));

        var result = Parse(bytes);

        result.AssertError(LedgerErrorCode.InvalidAmount, 2, "amount");
    }

    [Fact]
    public void Parse_NumberCell1e300AsInvoiceId_IsARowErrorNotACrash()
    {
        var row = RawXlsx.Row(2, "K-1", "Acme", "ap@acme.example.com", 1e300, (46000.0, "date"), (46030.0, "date"), "EUR", 10.0, 10.0);

        var result = Parse(RawXlsx.Build(RawXlsx.Row(1, Header) + row));

        Assert.True(result.IsValid || result.Errors.All(e => e.Row == 2));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(2958466.0)]
    public void Parse_DateStyledSerialOutsideTheRange_IsARowError(double serial)
    {
        var bytes = RawXlsx.Build(RawXlsx.Row(1, Header) + DataRow(2, due: serial));

        var result = Parse(bytes);

        result.AssertError(LedgerErrorCode.InvalidDate, 2, "due_date");
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")]
    [InlineData("<row r=\"1\"><c r=\"AMK1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")]
    [InlineData("<row r=\"2147483647\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>")]
    [InlineData("<row r=\"1048577\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>")]
    [InlineData("<row r=\"1\"><c r=\"A2147483647\" t=\"inlineStr\"><is><t>x</t></is></c></row>")]
    public void Parse_CellOrRowPastTheSheetLimits_IsRefusedBeforeReading(string sheetData)
    {
        var error = Parse(RawXlsx.Build(sheetData)).SingleError();

        Assert.Equal(LedgerErrorCode.TooLarge, error.Code);
    }

    [Fact]
    public void Parse_DimensionPastColumn1024_IsRefused()
    {
        var bytes = RawXlsx.Build(RawXlsx.Row(1, Header) + DataRow(2), sheetPrefix: "<dimension ref=\"A1:ZZZZZZ2\"/>");

        Assert.Equal(LedgerErrorCode.TooLarge, Parse(bytes).SingleError().Code);
    }

    [Fact]
    public void Parse_SharedStringTableDeclaringBillions_IsRefused()
    {
        var sst = """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000" uniqueCount="2000000000"><si><t>a</t></si></sst>""";

        var error = Parse(RawXlsx.Build(RawXlsx.Row(1, Header), sst)).SingleError();

        Assert.Equal(LedgerErrorCode.TooLarge, error.Code);
        Assert.Contains("shared-string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharedStringLongerThanACell_IsRefused()
    {
        var sst = RawXlsx.SharedStrings([new string('x', 70_000)]);

        Assert.Equal(LedgerErrorCode.TooLarge, Parse(RawXlsx.Build(RawXlsx.Row(1, Header), sst)).SingleError().Code);
    }

    [Fact]
    public void Parse_ZipBombPart_IsRefusedByItsCompressionRatio()
    {
        var sheet = RawXlsx.Sheet(RawXlsx.Row(1, Header) + "<row r=\"2\"><c t=\"inlineStr\"><is><t>" + new string(' ', 8 * 1024 * 1024) + "</t></is></c></row>");
        var bytes = RawXlsx.BuildParts(sheet, null, RawXlsx.Styles, CompressionLevel.SmallestSize);

        var error = Parse(bytes).SingleError();

        Assert.True(bytes.Length < 100_000);
        Assert.Equal(LedgerErrorCode.TooLarge, error.Code);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharedStringIndexOutOfRangeInHeader_IsAnErrorNotADroppedColumn()
    {
        var sst = RawXlsx.SharedStrings(Header.Cast<string>());
        var header = "<row r=\"1\">" + string.Concat(Enumerable.Range(0, Header.Length).Select(i =>
            $"<c r=\"{RawXlsx.Column(i)}1\" t=\"s\"><v>{(i == 5 ? 99 : i)}</v></c>")) + "</row>";

        var error = Parse(RawXlsx.Build(header + DataRow(2), sst)).SingleError();

        Assert.Equal(LedgerErrorCode.Malformed, error.Code);
        Assert.Equal(1, error.Row);
        Assert.Contains("shared string 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DocumentTypeDefinitionInAPart_IsRefused()
    {
        var styles = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol2;</styleSheet>""";
        var bytes = RawXlsx.BuildParts(RawXlsx.Sheet(RawXlsx.Row(1, Header) + DataRow(2)), null, styles);

        Assert.Equal(LedgerErrorCode.NotALedger, Parse(bytes).SingleError().Code);
    }

    [Fact]
    public void Parse_HeaderOnlyWorkbook_IsNoDataRows()
    {
        Assert.Equal(LedgerErrorCode.NoDataRows, Parse(RawXlsx.Build(RawXlsx.Row(1, Header))).SingleError().Code);
    }

    [Fact]
    public void Parse_RawWorkbook_IsValid()
    {
        var result = Parse(RawXlsx.Build(RawXlsx.Row(1, Header) + DataRow(2)));

        result.AssertValid();
        Assert.Equal(new DateOnly(2025, 12, 9), Assert.Single(Assert.Single(result.Accounts).Items).InvoiceDate);
    }

    private static LedgerParseResult Parse(byte[] bytes) => Ledgers.Parse(bytes, "ledger.xlsx");

    private static string DataRow(int number, double amount = 10.0, double due = 46030.0) =>
        RawXlsx.Row(number, "K-1", "Acme", "ap@acme.example.com", "INV-1", (46000.0, "date"), (due, "date"), "EUR", amount, 10.0);
}
