namespace Collections.Host.Cli;

/// <summary>The parsed arguments of <c>ingest</c>.</summary>
internal sealed record IngestArguments(string File, DateOnly? AsOf, string? Encoding, string? ProfilePath, bool DryRun, CliOutputFormat Format);
