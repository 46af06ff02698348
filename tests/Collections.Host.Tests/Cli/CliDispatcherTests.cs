using Collections.Host.Cli;

namespace Collections.Host.Tests.Cli;

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

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "serve" }, false)]
    [InlineData(new[] { "serve", "--urls", "http://localhost:5000" }, false)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new[] { "serve", "--help" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "simulate", "--ledger", "x.csv" }, true)]
    [InlineData(new[] { "frobnicate" }, true)]
    public void IsCommand_Arguments_RouteToCommandLineOrWebHost(string[] args, bool expected)
    {
        Assert.Equal(expected, CliDispatcher.IsCommand(args));
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_Exits2ListingTheVerbs()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("frobnicate", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ingest, upload, simulate, serve", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_RootHelp_ListsEveryVerbAndExits0(string flag)
    {
        var run = await CliRun.RunAsync(flag);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var verb in new[] { "ingest", "upload", "simulate", "serve" })
        {
            Assert.Contains(verb, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ingest", "--dry-run")]
    [InlineData("upload", "--name")]
    [InlineData("simulate", "--ledger")]
    [InlineData("serve", "localhost:7071")]
    public async Task RunAsync_VerbHelp_PrintsUsageWithoutReadingSettings(string verb, string expected)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var context = new CliContext(stdout, stderr)
            {
                Configuration = () => throw new InvalidOperationException("help must not read settings"),
                Policy = () => throw new InvalidOperationException("help must not load the policy"),
            };

            var code = await CliDispatcher.RunAsync([verb, flag], context, CancellationToken.None);

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("Usage:", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains(expected, stdout.ToString(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, stderr.ToString());
        }
    }

    [Theory]
    [InlineData("upload", "--bogus")]
    [InlineData("simulate", "--ledger", "x.csv", "--bogus")]
    [InlineData("simulate", "--ledger", "x.csv", "--days", "0")]
    [InlineData("simulate")]
    public async Task RunAsync_BadArguments_Exit2WithoutTouchingStorage(params string[] args)
    {
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr)
        {
            Configuration = () => throw new InvalidOperationException("a parse error must not read settings"),
        };

        var code = await CliDispatcher.RunAsync(args, context, CancellationToken.None);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"run '{args[0]} --help' for usage", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", stderr.ToString(), StringComparison.Ordinal);
    }
}
