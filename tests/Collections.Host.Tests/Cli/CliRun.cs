using System.Text;
using System.Text.Json;
using Collections.Host.Cli;
using Collections.Pipeline.Ingest;

namespace Collections.Host.Tests.Cli;

/// <summary>Runs a verb in-process with captured stdout/stderr and a fixed clock.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static readonly DateTimeOffset Now = new(2026, 6, 12, 15, 30, 0, TimeSpan.Zero);

    public static async Task<CliRun> RunAsync(IngestOptions? options, params string[] args)
    {
        var stdout = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        var stderr = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        var context = new CliContext(stdout, stderr)
        {
            Time = new FixedTimeProvider(Now),
            IngestOptions = options ?? new IngestOptions(),
        };
        var code = await CliDispatcher.RunAsync(args, context, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    public JsonElement Json()
    {
        // JsonDocument.Parse fails on a second document: this also proves stdout holds exactly one.
        using var doc = JsonDocument.Parse(Stdout);
        return doc.RootElement.Clone();
    }
}
