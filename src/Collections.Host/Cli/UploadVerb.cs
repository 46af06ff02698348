using System.CommandLine;

namespace Collections.Host.Cli;

/// <summary>The <c>upload</c> verb's command line; <see cref="UploadCommand"/> does the work.</summary>
internal static class UploadVerb
{
    public static Command Build(CliContext context)
    {
        var file = CliCommandLine.LedgerFileArgument("The ledger file to put into the 'ledgers' container.");
        var asOf = CliCommandLine.AsOfOption();
        var encoding = CliCommandLine.EncodingOption();
        var name = new Option<string?>("--name") { Description = "The blob name (default: the file name).", HelpName = "BLOB" };
        var command = new Command("upload", "Puts a ledger into the 'ledgers' container of the configured storage (AzureWebJobsStorage), where the host picks it up.")
        {
            file, asOf, encoding, name,
        };
        command.SetAction((r, ct) => UploadCommand.RunAsync(
            context,
            new UploadArguments(r.GetRequiredValue(file), r.GetValue(asOf), r.GetValue(encoding), r.GetValue(name)),
            ct));
        return command;
    }
}
