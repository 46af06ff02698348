using Collections.Functions.Cli;

namespace Collections.Functions.Tests.Cli;

public sealed class CliDispatcherTests
{
    [Theory]
    [InlineData(new[] { "ingest" }, true)]
    [InlineData(new[] { "ingest", "x.csv", "--dry-run" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new[] { "Ingest" }, false)]
    public void IsCliVerb_FirstArgument_DecidesBetweenCliAndWebHost(string[] args, bool expected)
    {
        Assert.Equal(expected, CliDispatcher.IsCliVerb(args));
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_Exits1()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("ingest", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Help_PrintsUsageAndExits0()
    {
        var run = await CliRun.RunAsync("ingest", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("usage: ingest <file>", run.Stdout, StringComparison.Ordinal);
    }
}
