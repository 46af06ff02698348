using System.CommandLine;

namespace Collections.Host.Cli;

/// <summary>The <c>ingest</c> verb's command line; <see cref="IngestCommand"/> does the work.</summary>
internal static class IngestVerb
{
    public static Command Build(CliContext context)
    {
        var file = CliCommandLine.LedgerFileArgument("The ledger file (CSV or XLSX).");
        var asOf = CliCommandLine.AsOfOption();
        var encoding = CliCommandLine.EncodingOption();
        var profile = new Option<string?>("--profile") { Description = "A mapping profile (JSON) for other ERP exports; with --dry-run only.", HelpName = "FILE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and preview only: nothing is uploaded." };
        var format = CliCommandLine.FormatOption(CliOutputFormat.Table);
        var command = new Command("ingest", "Reads and validates a ledger and prints the verdict, balances, aging and the first planned notice per account; without --dry-run, uploads it and waits for the host's outcome. Exit 0 valid, 2 invalid (errors listed, nothing applied), 1 any other failure.")
        {
            file, asOf, encoding, profile, dryRun, format,
        };
        command.SetAction((r, ct) => IngestCommand.RunAsync(
            context,
            new IngestArguments(r.GetRequiredValue(file), r.GetValue(asOf), r.GetValue(encoding), r.GetValue(profile), r.GetValue(dryRun), r.GetValue(format)),
            ct));
        return command;
    }
}
