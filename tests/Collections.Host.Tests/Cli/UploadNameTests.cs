using Collections.Host.Cli;

namespace Collections.Host.Tests.Cli;

public sealed class UploadNameTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("upload-name-").FullName;

    [Theory]
    [InlineData("../ledger.csv")]
    [InlineData("a/../../ledger.csv")]
    [InlineData("led\u0007ger.csv")]
    [InlineData("ledger\n.csv")]
    public async Task Upload_HostileBlobName_RefusedInOneLineWithoutTouchingStorage(string name)
    {
        var path = Path.Combine(_dir, "ledger.csv");
        await File.WriteAllTextAsync(path, "customer_id\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr)
        {
            Configuration = () => throw new InvalidOperationException("a refused name must not read settings or reach storage"),
        };

        var code = await CliDispatcher.RunAsync(["upload", path, "--name", name], context, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(string.Empty, stdout.ToString());
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("upload: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NameOver1000Characters_RefusedWithoutTouchingStorage()
    {
        var path = Path.Combine(_dir, "ledger.csv");
        await File.WriteAllTextAsync(path, "customer_id\n");
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr)
        {
            Configuration = () => throw new InvalidOperationException("a refused name must not read settings or reach storage"),
        };

        var code = await CliDispatcher.RunAsync(["upload", path, "--name", new string('a', 1001) + ".csv"], context, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith("upload: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
