using System.Globalization;
using Collections.Domain.Policy;
using Collections.Notices;
using Collections.Notices.Rendering;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Simulation;

namespace Collections.Host.Cli;

/// <summary>
/// <c>simulate --ledger &lt;file&gt;[@yyyy-MM-dd] (repeatable) [--events FILE] [--days N] [--from ISO-instant]
/// [--policy FILE] [--format json|table] [--notices DIR]</c>: runs the real engine on a virtual clock over in-memory storage
/// (see docs/simulation.md) and prints every case's timeline. Exit 0 done, 2 invalid input, 1 other failure.
/// </summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(CliContext context, SimulateArguments args, CancellationToken cancellationToken)
    {
        var ledgerArgs = args.Ledgers;
        var format = args.Format;
        var days = args.Days;
        var policy = context.Policy();
        if (args.PolicyPath is { } policyPath)
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
        if (args.EventsPath is { } eventsPath)
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

        var from = args.From ?? new DateTimeOffset(ledgers.Min(l => l.AsOf).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var runner = new SimulationRunner(policy, NoticeRenderer.Create(NoticeOptionsFor(context, ledgers.SelectMany(l => l.Accounts).Select(a => a.Key.Entity))));
        var simulation = await runner.RunAsync(ledgers, events, from, from.AddDays(days), cancellationToken);
        foreach (var w in simulation.Warnings)
        {
            context.Log("simulate: not applied: " + w);
        }

        if (args.NoticesDirectory is { } noticesDirectory)
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
}
