namespace Collections.Operations.Hosting;

/// <summary>Start-up stops: one or more settings are invalid. The message names every one of them.</summary>
public sealed class InvalidSettingsException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public InvalidSettingsException(IReadOnlyList<string> problems)
        : base("Invalid settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p))) => Problems = problems;

    /// <summary>Each problem, naming its setting.</summary>
    public IReadOnlyList<string> Problems { get; }
}
