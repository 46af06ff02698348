using System.Globalization;
using Collections.Host.Hosting;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Storage;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Collections.Operations.Hosting;

namespace Collections.Host.Cli;

/// <summary>
/// <c>ingest &lt;file&gt; [--as-of yyyy-MM-dd] [--encoding NAME] [--profile FILE] [--dry-run] [--format json|table]</c>:
/// reads and validates a ledger file and prints the verdict, balances, aging and the first planned
/// notice per account. Exit 0 valid, 2 invalid (errors listed), 1 anything else.
/// </summary>
internal static class IngestCommand
{
    public static async Task<int> RunAsync(CliContext context, IngestArguments args, CancellationToken cancellationToken)
    {
        var format = args.Format;
        var asOf = args.AsOf;
        MappingProfile? profile = null;
        if (args.ProfilePath is { } profilePath)
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

        var path = args.File;
        if (!File.Exists(path))
        {
            context.Log($"ingest: file not found: {path}");
            return ExitCodes.Failure;
        }

        var request = new LedgerParseRequest(Path.GetFileName(path), DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime))
        {
            AsOf = asOf,
            EncodingName = args.Encoding,
            Profile = profile,
        };
        var result = new LedgerParser(context.IngestOptions).ParseFile(path, request, cancellationToken);
        context.Log(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {result.FileName}: {result.Format} {result.Encoding ?? string.Empty}, {result.RowCount} rows, {result.AccountCount} accounts, {result.ErrorCount} errors, as-of {result.AsOf:yyyy-MM-dd} from {result.AsOfSource}"));

        var report = IngestReportBuilder.Build(result, result.IsValid ? context.Policy() : null);
        var exit = result.IsValid ? ExitCodes.Success : ExitCodes.InvalidInput;
        if (result.IsValid && !args.DryRun)
        {
            if (profile is not null)
            {
                context.Log("ingest: --profile works with --dry-run only; the host reads canonical ledgers (convert the file first)");
                return ExitCodes.Failure;
            }

            var (status, message) = await UploadAndWaitAsync(context, path, asOf, args.Encoding, cancellationToken);
            report = report with { Status = status.ToString() };
            context.Log($"ingest: {status}: {message}");
            exit = status switch
            {
                LedgerFileStatus.Applied or LedgerFileStatus.Duplicate => ExitCodes.Success,
                LedgerFileStatus.Rejected or LedgerFileStatus.Stale => ExitCodes.InvalidInput,
                _ => ExitCodes.Failure,
            };
        }

        if (format == CliOutputFormat.Json)
        {
            await CliJson.WriteAsync(context.Stdout, report, cancellationToken);
        }
        else
        {
            IngestTableWriter.Write(context.Stdout, report);
        }

        return exit;
    }

    /// <summary>Uploads the file and polls its LedgerFiles record until the host has decided.</summary>
    private static async Task<(LedgerFileStatus Status, string Message)> UploadAndWaitAsync(CliContext context, string path, DateOnly? asOf, string? encoding, CancellationToken ct)
    {
        var config = context.Configuration();
        await using var storage = CliConfiguration.Storage(config);
        var blobs = storage.GetRequiredService<BlobServiceClient>();
        var files = new TableLedgerFileStore(storage.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.LedgerFilesTable));
        var id = await LedgerUploader.UploadAsync(blobs, path, Path.GetFileName(path), asOf, encoding, ct);
        context.Log($"ingest: uploaded as ledger file {id}; waiting for the host (up to {context.IngestTimeout.TotalMinutes:0} min)");
        // Real elapsed time, whatever clock the verb runs on (tests fix context.Time).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < context.IngestTimeout)
        {
            LedgerFileRecord? record = null;
            try
            {
                record = await files.GetAsync(id, ct);
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // The LedgerFiles table appears with the host's first file.
            }

            if (record?.Status is LedgerFileStatus.Applied or LedgerFileStatus.Rejected or LedgerFileStatus.Duplicate or LedgerFileStatus.Stale)
            {
                return (record.Status, record.Message ?? "");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        return (LedgerFileStatus.Received, "no host processed the file in time; is the host running against the same storage?");
    }

}
