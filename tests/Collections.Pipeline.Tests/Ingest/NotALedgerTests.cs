using System.Text;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class NotALedgerTests
{
    [Fact]
    public void Parse_EmptyFile_IsNotALedger()
    {
        var error = Ledgers.Parse([]).SingleError();

        Assert.Equal((LedgerErrorCode.NotALedger, null), (error.Code, error.Row));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyBlankLines_IsNotALedger()
    {
        Assert.Equal(LedgerErrorCode.NotALedger, Ledgers.Parse("\r\n\r\n   \n").SingleError().Code);
    }

    [Fact]
    public void Parse_BinaryGarbage_IsNotALedger()
    {
        var random = new Random(42);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);

        var result = Ledgers.Parse(bytes, "ledger.csv");

        Assert.Equal(LedgerErrorCode.NotALedger, result.SingleError().Code);
        Assert.Empty(result.Accounts);
    }

    [Fact]
    public void Parse_TextWithoutLedgerHeader_IsNotALedger()
    {
        var error = Ledgers.Parse("Dear finance team,\nplease find attached...\n").SingleError();

        Assert.Equal(LedgerErrorCode.NotALedger, error.Code);
        Assert.Contains("customer_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_XlsxNameButNotAWorkbook_IsNotALedger()
    {
        var error = Ledgers.Parse(Encoding.UTF8.GetBytes("customer_id\n"), "ledger.xlsx").SingleError();

        Assert.Equal(LedgerErrorCode.NotALedger, error.Code);
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CorruptZip_IsNotALedger()
    {
        var bytes = "PK\u0003\u0004"u8.ToArray().Concat(new byte[5000]).ToArray();

        Assert.Equal(LedgerErrorCode.NotALedger, Ledgers.Parse(bytes, "ledger.xlsx").SingleError().Code);
    }

    [Fact]
    public void Parse_XlsxWithEmptyFirstSheet_IsNotALedger()
    {
        var bytes = XlsxBuilder.Build([], [["customer_id"]]);

        var error = Ledgers.Parse(bytes, "ledger.xlsx").SingleError();

        Assert.Equal(LedgerErrorCode.NotALedger, error.Code);
        Assert.Contains("first worksheet is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_XlsxWithoutRecognisableHeader_IsNotALedger()
    {
        var bytes = XlsxBuilder.Build([["Quarterly report"], ["Revenue", 100.0]]);

        Assert.Equal(LedgerErrorCode.NotALedger, Ledgers.Parse(bytes, "report.xlsx").SingleError().Code);
    }

    [Fact]
    public void Parse_CsvMissingRequiredColumns_CountsRowsAndRejects()
    {
        var result = Ledgers.Parse("customer_id,customer_name\nK-1,A\nK-2,B\n");

        Assert.All(result.Errors, e => Assert.Equal(LedgerErrorCode.MissingColumns, e.Code));
        Assert.Equal(7, result.ErrorCount);
        Assert.Equal(2, result.RowCount);
    }
}
