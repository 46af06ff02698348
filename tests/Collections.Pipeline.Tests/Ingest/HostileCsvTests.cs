using System.Text;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>Issue 16 points 1 and 4 for CSV: every hostile shape ends in a named error, never in silently lost or invented data.</summary>
public sealed class HostileCsvTests
{
    [Theory]
    [InlineData("50,000,000,000,000,000,000,000,000,000.00")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1,000,000,000,000,000.00")]
    [InlineData("-1000000000000000")]
    public void Parse_AmountBeyondTheLimit_IsARowError(string amount)
    {
        var text = LedgerCsv.Canonical().Row(("amount", amount), ("open_amount", "1.00")).ToText();

        var result = Ledgers.Parse(text);

        result.AssertError(LedgerErrorCode.InvalidAmount, 2, "amount");
        Assert.Contains(result.Errors, e => e.Message.Contains("out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AmountAtTheLimit_IsValid()
    {
        var text = LedgerCsv.Canonical().Row(("amount", "999,999,999,999,999.99"), ("open_amount", "999999999999999.99")).ToText();

        var result = Ledgers.Parse(text);

        result.AssertValid();
        Assert.Equal(LedgerValues.MaxAmount, Assert.Single(Assert.Single(result.Accounts).Items).OpenAmount);
    }

    [Fact]
    public void MaxAmount_TimesMoreRowsThanAFileCanHold_FitsInADecimal()
    {
        // Why validation needs no separate sum check: no sum over one file can overflow (docs/ledger-format.md).
        Assert.True(decimal.MaxValue / int.MaxValue > LedgerValues.MaxAmount);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-30")]
    [InlineData("0001-01-01")]
    public void Parse_DateOutsideTheRange_IsARowError(string due)
    {
        var result = Ledgers.Parse(LedgerCsv.Canonical().Row(("due_date", due)).ToText());

        result.AssertError(LedgerErrorCode.InvalidDate, 2, "due_date", due);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    [InlineData("\u2029")]
    public void Parse_UnicodeLineSeparators_AreRefusedNotMergedIntoOneRow(string separator)
    {
        var text = LedgerCsv.Canonical().Row().Row().ToText(newline: separator);

        var error = Ledgers.Parse(text).SingleError();

        Assert.Equal(LedgerErrorCode.Malformed, error.Code);
        Assert.Contains("line separator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnicodeLineSeparatorInsideQuotes_IsText()
    {
        var text = LedgerCsv.Canonical().ToText() + "K-1,\"Acme\u2028Trading\",ap@acme.example.com,INV-1,2026-05-01,2026-05-31,EUR,100.00,100.00\n";

        var result = Ledgers.Parse(text);

        result.AssertValid();
        Assert.Equal("Acme\u2028Trading", Assert.Single(result.Accounts).CustomerName);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n\n")]
    [InlineData("\n,,,\n")]
    public void Parse_HeaderOnly_IsNoDataRows(string tail)
    {
        var header = LedgerCsv.Canonical().ToText().TrimEnd('\n');

        var error = Ledgers.Parse(header + tail).SingleError();

        Assert.Equal(LedgerErrorCode.NoDataRows, error.Code);
        Assert.Null(error.Row);
        Assert.Contains("no data rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Parse_MoreThan1024Columns_IsRefusedNotCut(int row)
    {
        var csv = LedgerCsv.Canonical().Row().ToText().Split('\n');
        var extra = string.Concat(Enumerable.Repeat(",x", 1100));
        csv[row - 1] += extra;

        var error = Ledgers.Parse(string.Join('\n', csv)).SingleError();

        Assert.Equal(LedgerErrorCode.TooLarge, error.Code);
        Assert.Equal(row, error.Row);
    }

    [Fact]
    public void Parse_MissingRequiredColumns_EachErrorNamesItsColumn()
    {
        var text = LedgerCsv.Canonical().Without("due_date").Without("currency").Row().ToText();

        var result = Ledgers.Parse(text);

        Assert.Equal(["currency", "due_date"], result.Errors.Where(e => e.Code == LedgerErrorCode.MissingColumns).Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Null(e.Row));
    }

    [Fact]
    public void Parse_GarbageAmountsInEveryRow_ErrorsAreCappedAndCounted()
    {
        var sb = new StringBuilder(LedgerCsv.Canonical().ToText());
        for (var i = 0; i < 50; i++)
        {
            sb.Append("K-1,A,a@b.example.com,I-").Append(i).Append(",2026-05-01,2026-05-31,EUR,1e300,1e300\n");
        }

        var result = Ledgers.Parse(sb.ToString(), options: new IngestOptions { MaxErrors = 10 });

        Assert.Equal(10, result.Errors.Count);
        Assert.Equal(100, result.ErrorCount);
    }
}
