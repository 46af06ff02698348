using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

public sealed class LedgerBlobNameTests
{
    [Theory]
    [InlineData("ledger.csv")]
    [InlineData("2026/06/ar_2026-06-12.xlsx")]
    [InlineData("应收账款 2026-06-12.csv")]
    public void IsValid_PlainNames_AreAccepted(string name)
    {
        Assert.True(LedgerBlobName.IsValid(name, out var reason), reason);
    }

    [Theory]
    [InlineData("../ledger.csv", "'..'")]
    [InlineData("a/../../etc/passwd", "'..'")]
    [InlineData("/ledger.csv", "relative")]
    [InlineData("ledger.csv.", "relative")]
    [InlineData("a//b.csv", "relative")]
    [InlineData("led\u0000ger.csv", "U+0000")]
    [InlineData("led\nger.csv", "U+000A")]
    [InlineData("led\u2028ger.csv", "U+2028")]
    [InlineData("a\\b.csv", "'\\'")]
    [InlineData("a#b.csv", "'#'")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public void IsValid_HostileNames_AreRefusedWithAOneLineReason(string name, string expected)
    {
        Assert.False(LedgerBlobName.IsValid(name, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', reason);
    }

    [Fact]
    public void IsValid_ThousandCharacters_IsRefused()
    {
        Assert.False(LedgerBlobName.IsValid(new string('a', 1000) + ".csv", out var reason));
        Assert.Contains("1004 characters", reason, StringComparison.Ordinal);
    }
}
