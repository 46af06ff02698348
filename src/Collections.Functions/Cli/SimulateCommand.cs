using System.Globalization;
using Collections.Domain.Policy;
using Collections.Notices;
using Collections.Notices.Rendering;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Simulation;

namespace Collections.Functions.Cli;

/// <summary>
/// <c>simulate --ledger &lt;file&gt;[@yyyy-MM-dd] (repeatable) [--events FILE] [--days N] [--from ISO-instant]
/// [--policy FILE] [--format json|table]</c>: runs the real engine on a virtual clock over in-memory storage
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
        var runner = new SimulationRunner(policy, NoticeRenderer.Create(NoticeOptionsFor(context)));
        var simulation = await runner.RunAsync(ledgers, events, from, from.AddDays(days), cancellationToken);
        foreach (var w in simulation.Warnings)
        {
            context.Log("simulate: not applied: " + w);
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

    /// <summary>The configured notice settings when complete, else neutral ones (the simulation sends nothing).</summary>
    private static NoticeOptions NoticeOptionsFor(CliContext context)
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
            return new NoticeOptions
            {
                English = new NoticeLocaleOptions { CompanyName = "Your Company", HowToPay = "Bank transfer (simulation).", ContactPerson = "Accounts Receivable" },
                ChineseSimplified = new NoticeLocaleOptions { CompanyName = "贵公司", HowToPay = "银行转账（模拟）。", ContactPerson = "应收账款部" },
                ContactEmail = "ar@example.invalid",
                ContactPhone = "+00 0000 0000",
                SupervisorEmail = "supervisor@example.invalid",
                LegalEmail = "legal@example.invalid",
            };
        }
    }
}
