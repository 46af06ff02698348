using System.Globalization;
using Collections.Domain.Policy;
using Collections.Notices;
using Collections.Notices.Rendering;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Simulation;

namespace Collections.Functions.Cli;

/// <summary>
/// <c>simulate --ledger &lt;file&gt;[@yyyy-MM-dd] (repeatable) [--events FILE] [--days N] [--from ISO-instant]
/// [--policy FILE] [--format json|table] [--notices DIR]</c>: runs the real engine on a virtual clock over in-memory storage
/// (see docs/simulation.md) and prints every case's timeline. Exit 0 done, 2 invalid input, 1 other failure.
/// </summary>
internal static class SimulateCommand
{
    public const string Usage =
        "usage: simulate --ledger <file>[@yyyy-MM-dd] [--ledger ...] [--events FILE] [--days N] [--from ISO-instant] [--policy FILE] [--format json|table] [--notices DIR]";

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "events", "days", "from", "policy", "format", "notices" };
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "ledger" };
    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "help" };

    public static async Task<int> RunAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        if (!CliArguments.TryParse(args, ValueOptions.Concat(Repeatable).ToHashSet(StringComparer.Ordinal), FlagOptions, out var parsed, out var error, Repeatable))
        {
            return UsageFailure(context, error);
        }

        if (parsed.Flag("help"))
        {
            await context.Stdout.WriteLineAsync(Usage);
            return ExitCodes.Success;
        }

        var ledgerArgs = parsed.Values("ledger");
        if (ledgerArgs.Count == 0 || parsed.Positionals.Count > 0)
        {
            return UsageFailure(context, ledgerArgs.Count == 0 ? "at least one --ledger is required" : $"unexpected argument '{parsed.Positionals[0]}'");
        }

        var format = CliOutputFormat.Json;
        if (parsed.Value("format") is { } f && !Enum.TryParse(f, ignoreCase: true, out format))
        {
            return UsageFailure(context, $"--format must be json or table, not '{f}'");
        }

        var days = 90;
        if (parsed.Value("days") is { } d && (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > 3660))
        {
            return UsageFailure(context, $"--days must be a whole number from 1 to 3660, not '{d}'");
        }

        var policy = context.Policy();
        if (parsed.Value("policy") is { } policyPath)
        {
            var loaded = PolicyLoader.LoadFile(policyPath);
            if (loaded.Policy is null)
            {
                loaded.Errors.ToList().ForEach(e => context.Log("simulate: policy: " + e));
                return ExitCodes.InvalidInput;
            }

            policy = loaded.Policy;
        }

        var ledgers = new List<SimulationLedger>();
        var parser = new LedgerParser(context.IngestOptions);
        foreach (var arg in ledgerArgs)
        {
            var (path, asOf) = SplitLedgerArgument(arg);
            if (!File.Exists(path))
            {
                context.Log($"simulate: ledger not found: {path}");
                return ExitCodes.Failure;
            }

            var result = parser.ParseFile(path, new LedgerParseRequest(Path.GetFileName(path), DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime)) { AsOf = asOf }, cancellationToken);
            if (!result.IsValid)
            {
                context.Log($"simulate: {path} is not a valid ledger ({result.ErrorCount} errors):");
                foreach (var e in result.Errors.Take(20))
                {
                    context.Log($"  row {e.Row?.ToString(CultureInfo.InvariantCulture) ?? "-"} {e.Column}: {e.Message}");
                }

                return ExitCodes.InvalidInput;
            }

            ledgers.Add(new SimulationLedger(result.FileName, result.Sha256, result.AsOf, result.Accounts));
        }

        var events = new List<ScriptedEvent>();
        if (parsed.Value("events") is { } eventsPath)
        {
            if (!File.Exists(eventsPath))
            {
                context.Log($"simulate: events file not found: {eventsPath}");
                return ExitCodes.Failure;
            }

            var (parsedEvents, errors) = SimulationEventsFile.Parse(await File.ReadAllTextAsync(eventsPath, cancellationToken));
            if (errors.Count > 0)
            {
                errors.ForEach(e => context.Log($"simulate: {eventsPath}: {e}"));
                return ExitCodes.InvalidInput;
            }

            events = parsedEvents;
        }

        var from = new DateTimeOffset(ledgers.Min(l => l.AsOf).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (parsed.Value("from") is { } fromText)
        {
            if (!DateTimeOffset.TryParse(fromText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
            {
                return UsageFailure(context, $"--from must be an ISO 8601 instant, not '{fromText}'");
            }
        }

        var runner = new SimulationRunner(policy, NoticeRenderer.Create(NoticeOptionsFor(context, ledgers.SelectMany(l => l.Accounts).Select(a => a.Key.Entity))));
        var simulation = await runner.RunAsync(ledgers, events, from, from.AddDays(days), cancellationToken);
        foreach (var w in simulation.Warnings)
        {
            context.Log("simulate: not applied: " + w);
        }

        if (parsed.Value("notices") is { } noticesDirectory)
        {
            var written = await SimulationNoticeFiles.WriteAsync(simulation, noticesDirectory, cancellationToken);
            context.Log($"simulate: wrote {written} notices to {noticesDirectory}");
        }

        var report = SimulationReport.Create(simulation);
        if (format == CliOutputFormat.Json)
        {
            await CliJson.WriteAsync(context.Stdout, report, cancellationToken);
        }
        else
        {
            foreach (var c in report.Cases)
            {
                await context.Stdout.WriteLineAsync($"{c.Entity}/{c.CustomerId}  {c.CaseId}  {c.Final.RuntimeStatus} / {c.Final.Stage}");
                foreach (var e in c.Timeline.Where(e => e.Type is not ("ItemAdded" or "ItemChanged")))
                {
                    await context.Stdout.WriteLineAsync($"  {e.At}  {e.Type,-18} {e.Stage,-24} {e.Language,-5} {string.Join(";", e.To ?? [])} {e.Reason}".TrimEnd());
                }
            }
        }

        return ExitCodes.Success;
    }

    internal static (string Path, DateOnly? AsOf) SplitLedgerArgument(string arg)
    {
        var at = arg.LastIndexOf('@');
        return at > 0 && DateOnly.TryParseExact(arg[(at + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (arg[..at], d)
            : (arg, null);
    }

    /// <summary>
    /// The configured notice settings when complete (an entity without a creditor then shows as a failed notice, as it
    /// would in production), else neutral ones with a placeholder creditor for every entity of the ledgers.
    /// </summary>
    private static NoticeOptions NoticeOptionsFor(CliContext context, IEnumerable<string> entities)
    {
        var configured = new NoticeOptions();
        context.Configuration().GetSection("Notices").Bind(configured);
        try
        {
            configured.Validate();
            return configured;
        }
        catch (NoticesConfigurationException)
        {
            var neutral = new NoticeOptions { SupervisorEmail = "supervisor@example.invalid", LegalEmail = "legal@example.invalid" };
            foreach (var entity in entities.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                neutral.Creditors[entity] = new CreditorOptions
                {
                    ContactEmail = "ar@example.invalid",
                    ContactPhone = "+00 0000 0000",
                    English = new CreditorLocaleOptions { CompanyName = "Your Company", Address = "(address)", ContactPerson = "Accounts Receivable" },
                    ChineseSimplified = new CreditorLocaleOptions { CompanyName = "贵公司", Address = "（地址）", ContactPerson = "应收账款部" },
                    BankAccounts =
                    [
                        new BankAccountOptions
                        {
                            Currency = "EUR",
                            AccountNumber = "(simulation)",
                            English = new BankAccountLocaleOptions { BankName = "(bank)", AccountName = "Your Company" },
                            ChineseSimplified = new BankAccountLocaleOptions { BankName = "（银行）", AccountName = "贵公司" },
                        },
                    ],
                };
            }

            return neutral;
        }
    }

    private static int UsageFailure(CliContext context, string? message)
    {
        context.Log("simulate: " + message);
        context.Log(Usage);
        return ExitCodes.Failure;
    }
}
