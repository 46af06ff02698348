using Collections.Domain.Policy;
using Collections.Pipeline.Ingest;

namespace Collections.Host.Cli;

/// <summary>What a verb runs against: output writers (results to stdout, logs to stderr), the clock, options.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr)
    {
        Stdout = stdout;
        Stderr = stderr;
    }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IngestOptions IngestOptions { get; init; } = new();

    /// <summary>The policy used for previews; loaded on first use.</summary>
    public Func<DunningPolicy> Policy { get; init; } = () => DunningPolicy.Default;

    /// <summary>The host's configuration (local.settings.json Values, then environment variables); loaded on first use.</summary>
    public Func<IConfiguration> Configuration { get; init; } = CliConfiguration.Load;

    /// <summary>How long <c>ingest</c> waits for the host to process an uploaded file.</summary>
    public TimeSpan IngestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A log line on stderr. Never pass debtor e-mails, names or amounts.</summary>
    public void Log(string message) => Stderr.WriteLine(message);
}
