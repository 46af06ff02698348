using System.CommandLine;
using System.Globalization;

namespace Collections.Host.Cli;

/// <summary>The <c>simulate</c> verb's command line; <see cref="SimulateCommand"/> does the work.</summary>
internal static class SimulateVerb
{
    public static Command Build(CliContext context)
    {
        var ledgers = new Option<string[]>("--ledger")
        {
            Description = "A ledger snapshot, optionally with its as-of date as FILE@yyyy-MM-dd; repeat for a sequence of snapshots.",
            HelpName = "FILE[@yyyy-MM-dd]",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var events = new Option<string?>("--events") { Description = "Operator and debtor events (JSON, see docs/simulation.md).", HelpName = "FILE" };
        var days = new Option<int>("--days") { Description = "How many days to run (1-3660).", DefaultValueFactory = _ => 90 };
        days.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && r.GetValueOrDefault<int>() is < 1 or > 3660)
            {
                r.AddError($"--days must be a whole number from 1 to 3660, not '{r.Tokens[0].Value}'");
            }
        });
        var from = new Option<DateTimeOffset?>("--from")
        {
            Description = "The start instant (ISO 8601; default: the earliest as-of date, 00:00 UTC).",
            HelpName = "ISO-instant",
            CustomParser = r =>
            {
                var text = r.Tokens[0].Value;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    return instant;
                }

                r.AddError($"--from must be an ISO 8601 instant, not '{text}'");
                return null;
            },
        };
        var policy = new Option<string?>("--policy") { Description = "A dunning policy (JSON, see docs/policy.md); default: the built-in policy.", HelpName = "FILE" };
        var format = CliCommandLine.FormatOption(CliOutputFormat.Json);
        var notices = new Option<string?>("--notices") { Description = "Also write every notice the simulation sent as an .eml file into this folder, to read before a policy or template change goes live.", HelpName = "DIR" };
        var command = new Command("simulate", "Runs the case orchestration on a virtual clock over in-memory storage and prints every case's timeline (see docs/simulation.md). Exit 0 done, 2 invalid input, 1 other failure.")
        {
            ledgers, events, days, from, policy, format, notices,
        };
        command.SetAction((r, ct) => SimulateCommand.RunAsync(
            context,
            new SimulateArguments(r.GetValue(ledgers) ?? [], r.GetValue(events), r.GetValue(days), r.GetValue(from), r.GetValue(policy), r.GetValue(format), r.GetValue(notices)),
            ct));
        return command;
    }
}
