namespace Collections.Host.Cli;

/// <summary>Process exit codes of every CLI verb.</summary>
internal static class ExitCodes
{
    /// <summary>The input is valid (and was processed).</summary>
    public const int Success = 0;

    /// <summary>Any failure other than invalid input: usage, missing file, infrastructure, bugs.</summary>
    public const int Failure = 1;

    /// <summary>The input is invalid; the errors were listed and nothing was applied.</summary>
    public const int InvalidInput = 2;
}
