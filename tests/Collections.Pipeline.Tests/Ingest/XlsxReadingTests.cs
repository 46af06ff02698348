using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class XlsxReadingTests
{
    private static readonly object?[] Header =
        ["Customer ID", "Customer Name", "Contact Email", "Invoice ID", "Invoice Date", "Due Date", "Currency", "Amount", "Open Amount", "Disputed", "PO Number"];

    [Fact]
    public void Parse_TypedCells_DatesNumbersTextAndBooleans()
    {
        var bytes = XlsxBuilder.Build(
        [
            Header,
            ["K-1", "Acme", "ap@acme.example.com", "INV-1", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "EUR", 1234.56, 1234.56, true, 4711],
            ["K-1", "Acme", "ap@acme.example.com", 10002, "2026-04-02", "2026-05-02", "EUR", "1,000.10", "(0.00)", "否", "PO-2"],
        ]);

        var result = Ledgers.Parse(bytes, "ledger.xlsx");

        result.AssertValid();
        Assert.Equal(LedgerFileFormat.Xlsx, result.Format);
        var items = Assert.Single(result.Accounts).Items;
        Assert.Equal(new DateOnly(2026, 4, 1), items[0].InvoiceDate);
        Assert.Equal(new DateOnly(2026, 4, 30), items[0].DueDate);
        Assert.Equal(1234.56m, items[0].Amount);
        Assert.True(items[0].Disputed);
        Assert.Equal("4711", items[0].PoNumber);
        Assert.Equal("10002", items[1].InvoiceId);
        Assert.Equal(new DateOnly(2026, 5, 2), items[1].DueDate);
        Assert.Equal(1000.10m, items[1].Amount);
        Assert.Equal(0m, items[1].OpenAmount);
        Assert.Equal([2, 3], items.Select(i => i.Provenance!.Row));
    }

    [Theory]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1234567.89, "1234567.89")]
    [InlineData(18250.4, "18250.4")]
    [InlineData(99999999.99, "99999999.99")]
    [InlineData(-0.01, "-0.01")]
    public void Parse_NumericCells_BecomeTheDecimalExcelDisplays(double stored, string expected)
    {
        var amount = Math.Abs(stored);
        var bytes = XlsxBuilder.Build(
        [
            Header,
            ["K-1", "Acme", "ap@acme.example.com", "INV-1", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "EUR", stored, stored, null, null],
        ]);

        var result = Ledgers.Parse(bytes, "ledger.xlsx");

        result.AssertValid();
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Accounts[0].Items[0].Amount);
        Assert.True(amount > 0);
    }

    [Fact]
    public void Parse_NumberInDateColumn_IsNotGuessedAsASerial()
    {
        var bytes = XlsxBuilder.Build(
        [
            Header,
            ["K-1", "Acme", "ap@acme.example.com", "INV-1", new DateOnly(2026, 4, 1), 46142.0, "EUR", 1.0, 1.0, null, null],
        ]);

        Ledgers.Parse(bytes, "ledger.xlsx").AssertError(LedgerErrorCode.InvalidDate, 2, "due_date", "46142");
    }

    [Fact]
    public void Parse_DateInAmountColumn_IsInvalidAmount()
    {
        var bytes = XlsxBuilder.Build(
        [
            Header,
            ["K-1", "Acme", "ap@acme.example.com", "INV-1", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "EUR", new DateOnly(2026, 1, 1), 1.0, null, null],
        ]);

        Ledgers.Parse(bytes, "ledger.xlsx").AssertError(LedgerErrorCode.InvalidAmount, 2, "amount", "2026-01-01");
    }

    [Fact]
    public void Parse_OnlyTheFirstWorksheet_IsRead()
    {
        var first = new[]
        {
            Header,
            new object?[] { "K-1", "Acme", "ap@acme.example.com", "INV-1", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "EUR", 5.0, 5.0, null, null },
        };
        var second = new[]
        {
            Header,
            new object?[] { "K-2", "Other", "x@y.example.com", "INV-2", "bad", "bad", "???", "x", "y", null, null },
        };

        var result = Ledgers.Parse(XlsxBuilder.Build(first, second), "ledger.xlsx");

        result.AssertValid();
        Assert.Equal("K-1", Assert.Single(result.Accounts).Key.CustomerId);
    }

    [Fact]
    public void Parse_RowsAfterGaps_KeepTheirSpreadsheetNumbers()
    {
        var rows = new[]
        {
            Header,
            new object?[] { "K-1", "Acme", "ap@acme.example.com", "INV-1", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "EUR", 5.0, 5.0, null, null },
            new object?[] { "K-1", "Acme", "ap@acme.example.com", "INV-2", new DateOnly(2026, 4, 1), "2026-02-30", "EUR", 5.0, 5.0, null, null },
        };

        var result = Ledgers.Parse(XlsxBuilder.Build([rows], rowNumbers: [1, 2, 7]), "ledger.xlsx");

        result.AssertError(LedgerErrorCode.InvalidDate, 7, "due_date", "2026-02-30");
    }

    [Fact]
    public void Parse_NonSeekableWorkbook_IsSpooledAndRead()
    {
        var bytes = XlsxBuilder.Build(
        [
            Header,
            ["K-1", "Acme", "ap@acme.example.com", "INV-1", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "EUR", 5.0, 5.0, false, null],
        ]);

        var result = Ledgers.Parse(bytes, "ledger.xlsx", seekable: false);

        result.AssertValid();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), result.Sha256);
    }
}
