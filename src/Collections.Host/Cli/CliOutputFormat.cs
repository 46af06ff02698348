namespace Collections.Host.Cli;

/// <summary>How a verb prints its result on stdout.</summary>
internal enum CliOutputFormat
{
    /// <summary>A readable table (default).</summary>
    Table,

    /// <summary>Exactly one JSON document.</summary>
    Json,
}
