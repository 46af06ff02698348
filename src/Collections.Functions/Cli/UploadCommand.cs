using System.Globalization;
using Collections.Functions.Hosting;
using Azure.Storage.Blobs;

namespace Collections.Functions.Cli;

/// <summary>
/// <c>upload &lt;file&gt; [--as-of yyyy-MM-dd] [--encoding NAME] [--name BLOB]</c>: puts a ledger into the
/// <c>ledgers</c> container of the configured storage (AzureWebJobsStorage), where the host picks it up.
/// </summary>
internal static class UploadCommand
{
    public const string Usage = "usage: upload <file> [--as-of yyyy-MM-dd] [--encoding NAME] [--name BLOB]";

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "as-of", "encoding", "name" };
    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "help" };

    public static async Task<int> RunAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        if (!CliArguments.TryParse(args, ValueOptions, FlagOptions, out var parsed, out var error) || parsed.Positionals.Count != 1)
        {
            context.Log("upload: " + (error ?? "exactly one file is expected"));
            context.Log(Usage);
            return ExitCodes.Failure;
        }

        var path = parsed.Positionals[0];
        if (!File.Exists(path))
        {
            context.Log($"upload: file not found: {path}");
            return ExitCodes.Failure;
        }

        DateOnly? asOf = null;
        if (parsed.Value("as-of") is { } a)
        {
            if (!DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                context.Log($"upload: --as-of must be a yyyy-MM-dd date, not '{a}'");
                return ExitCodes.Failure;
            }

            asOf = d;
        }

        await using var storage = CliConfiguration.Storage(context.Configuration());
        var blobs = storage.GetRequiredService<BlobServiceClient>();
        var name = parsed.Value("name") ?? Path.GetFileName(path);
        var id = await LedgerUploader.UploadAsync(blobs, path, name, asOf, parsed.Value("encoding"), cancellationToken);
        context.Log($"upload: {name} is in the '{StorageNames.LedgersContainer}' container (ledger file {id})");
        await context.Stdout.WriteLineAsync(id);
        return ExitCodes.Success;
    }
}
