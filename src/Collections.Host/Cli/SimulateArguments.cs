namespace Collections.Host.Cli;

/// <summary>The parsed arguments of <c>simulate</c>.</summary>
internal sealed record SimulateArguments(
    IReadOnlyList<string> Ledgers,
    string? EventsPath,
    int Days,
    DateTimeOffset? From,
    string? PolicyPath,
    CliOutputFormat Format,
    string? NoticesDirectory);
