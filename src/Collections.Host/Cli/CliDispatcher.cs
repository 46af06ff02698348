using System.CommandLine;

namespace Collections.Host.Cli;

/// <summary>
/// The command line (System.CommandLine): <c>serve</c> (the default) runs the local host; the verbs
/// <c>ingest</c>, <c>upload</c> and <c>simulate</c> run and exit. Parse errors (unknown verbs or options,
/// bad values) are listed on stderr and exit 2; <c>--help</c> prints usage and exits 0 without reading
/// settings or touching storage.
/// </summary>
internal static class CliDispatcher
{
    private static readonly string[] Verbs = ["ingest", "upload", "simulate"];
    private static readonly string[] HelpTokens = ["-h", "--help", "-?"];

    /// <summary>
    /// True when the arguments are for the command line rather than the web host. The host starts with
    /// no arguments, with <c>serve</c>, or with host switches such as <c>--urls</c>.
    /// </summary>
    public static bool IsCommand(string[] args)
    {
        if (args.Length == 0)
        {
            return false;
        }

        if (HelpTokens.Contains(args[0], StringComparer.Ordinal))
        {
            return true;
        }

        return string.Equals(args[0], CliCommandLine.ServeVerb, StringComparison.Ordinal)
            ? args.Skip(1).Any(a => HelpTokens.Contains(a, StringComparer.Ordinal))
            : !args[0].StartsWith('-');
    }

    /// <summary>True when the first argument names a verb that runs and exits.</summary>
    public static bool IsCliVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, new CliContext(Console.Out, Console.Error), CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = CliCommandLine.Build(context);
        var parsed = root.Parse(args, CliCommandLine.ParserConfiguration);
        var verb = parsed.CommandResult.Command == root ? root.Name : parsed.CommandResult.Command.Name;
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Log($"{verb}: {error.Message}");
            }

            context.Log(parsed.CommandResult.Command == root
                ? $"verbs: {string.Join(", ", Verbs)}, {CliCommandLine.ServeVerb}; run '--help' for usage"
                : $"run '{verb} --help' for usage");
            return ExitCodes.InvalidInput;
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = context.Stdout,
                Error = context.Stderr,
                EnableDefaultExceptionHandler = false,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            context.Log($"{verb}: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // Infrastructure failures and bugs: the type and message only (they never carry debtor data).
            context.Log($"{verb}: failed: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            await context.Stdout.FlushAsync(cancellationToken);
        }
    }
}
