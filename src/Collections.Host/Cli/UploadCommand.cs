using Collections.Host.Hosting;
using Azure.Storage.Blobs;
using Collections.Operations.Hosting;

namespace Collections.Host.Cli;

/// <summary>
/// <c>upload &lt;file&gt; [--as-of yyyy-MM-dd] [--encoding NAME] [--name BLOB]</c>: puts a ledger into the
/// <c>ledgers</c> container of the configured storage (AzureWebJobsStorage), where the host picks it up.
/// </summary>
internal static class UploadCommand
{
    public static async Task<int> RunAsync(CliContext context, UploadArguments args, CancellationToken cancellationToken)
    {
        var path = args.File;
        if (!File.Exists(path))
        {
            context.Log($"upload: file not found: {path}");
            return ExitCodes.Failure;
        }

        var asOf = args.AsOf;
        var name = args.BlobName ?? Path.GetFileName(path);
        if (!Collections.Pipeline.Ingest.LedgerBlobName.IsValid(name, out var nameProblem))
        {
            context.Log("upload: " + nameProblem);
            return ExitCodes.Failure;
        }

        await using var storage = CliConfiguration.Storage(context.Configuration());
        var blobs = storage.GetRequiredService<BlobServiceClient>();
        var id = await LedgerUploader.UploadAsync(blobs, path, name, asOf, args.Encoding, cancellationToken);
        context.Log($"upload: {name} is in the '{StorageNames.LedgersContainer}' container (ledger file {id})");
        await context.Stdout.WriteLineAsync(id);
        return ExitCodes.Success;
    }
}
