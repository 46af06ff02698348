namespace Collections.Functions.Cli;

/// <summary>
/// Entry point of the host's command-line verbs. <c>Program</c> calls it when the first argument is
/// a known verb; otherwise the executable starts the web host.
/// </summary>
internal static class CliDispatcher
{
    private static readonly Dictionary<string, Func<CliContext, string[], CancellationToken, Task<int>>> Verbs =
        new(StringComparer.Ordinal)
        {
            ["ingest"] = IngestCommand.RunAsync,
            ["upload"] = UploadCommand.RunAsync,
            ["simulate"] = SimulateCommand.RunAsync,
        };

    /// <summary>
    /// Whether the process runs a command rather than the host: any first argument that is not an option and not
    /// <c>serve</c> (the host's own verb, used by host.json). Unknown commands then fail with the list of verbs.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !string.Equals(args[0], "serve", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="args"/> starts with a CLI verb.</summary>
    public static bool IsCliVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    /// <summary>Runs the verb with the process's console.</summary>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, new CliContext(Console.Out, Console.Error), CancellationToken.None);

    /// <summary>Runs the verb named by <c>args[0]</c> and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        if (!IsCliVerb(args))
        {
            context.Log("unknown command; verbs: " + string.Join(", ", Verbs.Keys));
            return ExitCodes.Failure;
        }

        try
        {
            return await Verbs[args[0]](context, args[1..], cancellationToken);
        }
        catch (OperationCanceledException)
        {
            context.Log($"{args[0]}: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // Infrastructure failures and bugs: the type and message only (they never carry debtor data).
            context.Log($"{args[0]}: failed: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            await context.Stdout.FlushAsync(cancellationToken);
        }
    }
}
