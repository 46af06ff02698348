using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class AsOfResolutionTests
{
    private static readonly string WithColumn = LedgerCsv.Canonical().Row(("as_of", "2026-06-10")).Row(("as_of", "2026-06-10")).ToText();
    private static readonly string WithoutColumn = LedgerCsv.Canonical().Row().ToText();

    [Fact]
    public void Parse_ExplicitOption_WinsOverEverything()
    {
        var result = Ledgers.Parse(WithColumn, "ledger_2026-06-01.csv", r => r with { AsOf = new DateOnly(2026, 6, 30) });

        Assert.Equal((new DateOnly(2026, 6, 30), AsOfSource.Option), (result.AsOf, result.AsOfSource));
    }

    [Fact]
    public void Parse_AsOfColumn_WinsOverFileNameAndUpload()
    {
        var result = Ledgers.Parse(WithColumn, "ledger_2026-06-01.csv");

        Assert.Equal((new DateOnly(2026, 6, 10), AsOfSource.Column), (result.AsOf, result.AsOfSource));
    }

    [Theory]
    [InlineData("ledger_2026-06-01.csv")]
    [InlineData("ar-export-2026-06-01.xlsx")]
    [InlineData("2026-05-31_ledger-2026-06-01.csv")]
    public void Parse_FileNameSuffix_WinsOverUploadDate(string fileName)
    {
        var result = Ledgers.Parse(WithoutColumn, fileName);

        Assert.Equal((new DateOnly(2026, 6, 1), AsOfSource.FileName), (result.AsOf, result.AsOfSource));
    }

    [Theory]
    [InlineData("ledger.csv")]
    [InlineData("ledger2026-06-01.csv")]
    [InlineData("ledger_2026-06-01_final.csv")]
    [InlineData("ledger_20260601.csv")]
    public void Parse_NoOtherSource_UsesUploadDate(string fileName)
    {
        var result = Ledgers.Parse(WithoutColumn, fileName);

        Assert.Equal((Ledgers.UploadDate, AsOfSource.UploadDate), (result.AsOf, result.AsOfSource));
        result.AssertValid();
    }

    [Fact]
    public void Parse_FileNameWithImpossibleDate_IsAnError()
    {
        var result = Ledgers.Parse(WithoutColumn, "ledger_2026-02-30.csv");

        Assert.Equal(LedgerErrorCode.AsOfConflict, result.SingleError().Code);
    }

    [Fact]
    public void Parse_FileNameWithImpossibleDate_IsFineWhenTheColumnDecides()
    {
        Ledgers.Parse(WithColumn, "ledger_2026-02-30.csv").AssertValid();
    }
}
