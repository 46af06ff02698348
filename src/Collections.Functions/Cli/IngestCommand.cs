using System.Globalization;
using Collections.Pipeline.Ingest;

namespace Collections.Functions.Cli;

/// <summary>
/// <c>ingest &lt;file&gt; [--as-of yyyy-MM-dd] [--encoding NAME] [--profile FILE] [--dry-run] [--format json|table]</c>:
/// reads and validates a ledger file and prints the verdict, balances, aging and the first planned
/// notice per account. Exit 0 valid, 2 invalid (errors listed), 1 anything else.
/// </summary>
internal static class IngestCommand
{
    public const string Usage =
        "usage: ingest <file> [--as-of yyyy-MM-dd] [--encoding NAME] [--profile FILE] [--dry-run] [--format json|table]";

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "as-of", "encoding", "profile", "format" };
    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "dry-run", "help" };

    public static async Task<int> RunAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        if (!CliArguments.TryParse(args, ValueOptions, FlagOptions, out var parsed, out var usageError))
        {
            return UsageFailure(context, usageError);
        }

        if (parsed.Flag("help"))
        {
            await context.Stdout.WriteLineAsync(Usage);
            return ExitCodes.Success;
        }

        if (parsed.Positionals.Count != 1)
        {
            return UsageFailure(context, parsed.Positionals.Count == 0 ? "the ledger file is missing" : "exactly one file is expected");
        }

        var format = CliOutputFormat.Table;
        if (parsed.Value("format") is { } formatText && !Enum.TryParse(formatText, ignoreCase: true, out format))
        {
            return UsageFailure(context, $"--format must be json or table, not '{formatText}'");
        }

        DateOnly? asOf = null;
        if (parsed.Value("as-of") is { } asOfText)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return UsageFailure(context, $"--as-of must be a yyyy-MM-dd date, not '{asOfText}'");
            }

            asOf = d;
        }

        if (!parsed.Flag("dry-run"))
        {
            context.Log("ingest: uploading requires the storage flow, which is not available yet; use --dry-run to validate and preview a file");
            return ExitCodes.Failure;
        }

        MappingProfile? profile = null;
        if (parsed.Value("profile") is { } profilePath)
        {
            if (!File.Exists(profilePath))
            {
                context.Log($"ingest: profile not found: {profilePath}");
                return ExitCodes.Failure;
            }

            if (!MappingProfile.TryParse(await File.ReadAllTextAsync(profilePath, cancellationToken), out profile, out var problems))
            {
                context.Log($"ingest: the profile {profilePath} is invalid:");
                foreach (var p in problems)
                {
                    context.Log("  " + p);
                }

                return ExitCodes.Failure;
            }
        }

        var path = parsed.Positionals[0];
        if (!File.Exists(path))
        {
            context.Log($"ingest: file not found: {path}");
            return ExitCodes.Failure;
        }

        var request = new LedgerParseRequest(Path.GetFileName(path), DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime))
        {
            AsOf = asOf,
            EncodingName = parsed.Value("encoding"),
            Profile = profile,
        };
        var result = new LedgerParser(context.IngestOptions).ParseFile(path, request, cancellationToken);
        context.Log(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {result.FileName}: {result.Format} {result.Encoding ?? string.Empty}, {result.RowCount} rows, {result.AccountCount} accounts, {result.ErrorCount} errors, as-of {result.AsOf:yyyy-MM-dd} from {result.AsOfSource}"));

        var report = IngestReportBuilder.Build(result, result.IsValid ? context.Policy() : null);
        if (format == CliOutputFormat.Json)
        {
            await CliJson.WriteAsync(context.Stdout, report, cancellationToken);
        }
        else
        {
            IngestTableWriter.Write(context.Stdout, report);
        }

        return result.IsValid ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static int UsageFailure(CliContext context, string message)
    {
        context.Log("ingest: " + message);
        context.Log(Usage);
        return ExitCodes.Failure;
    }
}
