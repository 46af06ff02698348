using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.WriteOffs;
using Microsoft.Extensions.Logging;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// Processes one ledger file dropped into the <c>ledgers</c> container, once per content: validates it
/// (rejecting it whole on any error), drops identical content as a duplicate and older snapshots as stale,
/// applies each account to its case (items an earlier case wrote off left out), settles accounts the snapshot
/// no longer lists, records per-entity totals, and moves the file to <c>ledgers-processed</c> or <c>ledgers-rejected</c> with its report.
/// The moved file and its reports are stored under the file's unique id (<c>&lt;id&gt;/&lt;name&gt;</c>), so two
/// uploads with the same name keep their own. Every step is idempotent, so a crash mid-apply followed by a
/// re-run ends in the same state.
/// </summary>
public sealed partial class LedgerIngestProcessor
{
    private const int CollectBeforeApplyRows = 100_000;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private readonly BlobServiceClient _blobs;
    private readonly ILedgerFileStore _files;
    private readonly ISnapshotSummaryStore _summaries;
    private readonly IAccountStore _accounts;
    private readonly IWriteOffRegister _writeOffs;
    private readonly ICaseSignals _cases;
    private readonly LedgerParser _parser;
    private readonly LedgerIngestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LedgerIngestProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public LedgerIngestProcessor(
        BlobServiceClient blobs,
        ILedgerFileStore files,
        ISnapshotSummaryStore summaries,
        IAccountStore accounts,
        IWriteOffRegister writeOffs,
        ICaseSignals cases,
        LedgerParser parser,
        LedgerIngestOptions options,
        TimeProvider time,
        ILogger<LedgerIngestProcessor> logger)
    {
        _blobs = blobs;
        _files = files;
        _summaries = summaries;
        _accounts = accounts;
        _writeOffs = writeOffs;
        _cases = cases;
        _parser = parser;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Processes a blob of the drop container. Returns null when the blob is gone (already processed) or
    /// leased by another instance; otherwise the file's final record.
    /// </summary>
    public async Task<LedgerFileRecord?> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = _blobs.GetBlobContainerClient(_options.LedgersContainer).GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409)
        {
            return null;
        }

        using var renewal = new CancellationTokenSource();
        var renewing = RenewAsync(lease, renewal.Token);
        try
        {
            return await ProcessLeasedAsync(blob, properties, lease.LeaseId, cancellationToken);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // The blob was moved (deleted) under the lease: nothing left to release.
            }
        }
    }

    private async Task<LedgerFileRecord> ProcessLeasedAsync(BlobClient blob, BlobProperties properties, string leaseId, CancellationToken cancellationToken)
    {
        var receivedAt = properties.LastModified;
        var id = LedgerFileIds.For(blob.Name, receivedAt, properties.ETag.ToString());
        var record = await _files.GetAsync(id, cancellationToken) ?? new LedgerFileRecord(id, blob.Name, receivedAt);
        record = await _files.SaveAsync(record with { Status = LedgerFileStatus.Validating }, cancellationToken);

        var temp = Path.Combine(Path.GetTempPath(), "ledger-" + Guid.NewGuid().ToString("N"));
        try
        {
            var conditions = new BlobRequestConditions { LeaseId = leaseId };
            using (var download = (await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value)
            await using (var file = File.Create(temp))
            {
                await download.Content.CopyToAsync(file, cancellationToken);
            }

            var request = new LedgerParseRequest(Path.GetFileName(blob.Name), DateOnly.FromDateTime(receivedAt.UtcDateTime))
            {
                AsOf = Meta(properties, "asof") is { } a && DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf) ? asOf : null,
                EncodingName = Meta(properties, "encoding"),
            };
            var result = _parser.ParseFile(temp, request, cancellationToken);
            record = await _files.SaveAsync(record with
            {
                Sha256 = result.Sha256,
                AsOf = result.AsOf,
                Entity = string.Join(",", result.Entities),
                RowsValidated = result.RowCount,
                RowsTotal = result.RowCount,
                AccountsTotal = result.AccountCount,
                ErrorCount = result.ErrorCount,
            }, cancellationToken);
            LogValidated(id, result.RowCount, result.ErrorCount);
            Diagnostics.CollectionsTelemetry.RecordIngestRows(result.RowCount, result.IsValid);

            if (!result.IsValid)
            {
                return await RejectAsync(blob, leaseId, record, result, LedgerFileStatus.Rejected, $"rejected: {result.ErrorCount} error(s); nothing was applied", cancellationToken);
            }

            if (await _files.FindAppliedBySha256Async(result.Sha256, cancellationToken) is { } original && !string.Equals(original.Id, id, StringComparison.Ordinal))
            {
                var note = $"duplicate of {original.FileName} (same content, applied {original.CompletedAt:yyyy-MM-dd HH:mm}Z); nothing to do";
                var report = await MoveAsync(blob, id, leaseId, _options.ProcessedContainer, JsonSerializer.Serialize(new { file = record.FileName, sha256 = result.Sha256, status = "Duplicate", duplicateOf = original.FileName }, ReportJson.Options), ".summary.json", cancellationToken);
                return await _files.SaveAsync(record with { Status = LedgerFileStatus.Duplicate, DuplicateOf = original.Id, Message = note, CompletedAt = _time.GetUtcNow(), ReportBlob = report }, cancellationToken);
            }

            foreach (var entity in result.Entities)
            {
                if (await _summaries.LatestAtOrBeforeAsync(entity, DateOnly.MaxValue, cancellationToken) is { } last && last.AsOf > result.AsOf
                    && !string.Equals(last.FileId, id, StringComparison.Ordinal))
                {
                    return await RejectAsync(blob, leaseId, record, result, LedgerFileStatus.Stale,
                        $"stale: entity '{entity}' already has a snapshot as of {last.AsOf:yyyy-MM-dd}, newer than this file's {result.AsOf:yyyy-MM-dd}; nothing was applied", cancellationToken);
                }
            }

            record = await _files.SaveAsync(record with { Status = LedgerFileStatus.Applying }, cancellationToken);
            record = await ApplyAsync(record, result, blob.Name, cancellationToken);

            var summary = JsonSerializer.Serialize(new { file = record.FileName, sha256 = result.Sha256, asOf = result.AsOf, entities = result.Entities, rows = result.RowCount, accounts = result.AccountCount, status = "Applied" }, ReportJson.Options);
            var summaryBlob = await MoveAsync(blob, id, leaseId, _options.ProcessedContainer, summary, ".summary.json", cancellationToken);
            var done = await _files.SaveAsync(record with
            {
                Status = LedgerFileStatus.Applied,
                Message = $"applied {result.RowCount} rows to {result.AccountCount} accounts",
                CompletedAt = _time.GetUtcNow(),
                ReportBlob = summaryBlob,
            }, cancellationToken);
            LogApplied(id, result.AccountCount);
            return done;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<LedgerFileRecord> ApplyAsync(LedgerFileRecord record, LedgerParseResult result, string blobName, CancellationToken cancellationToken)
    {
        var source = new SnapshotSource(result.AsOf, blobName, result.Sha256);
        var saved = 0;

        // A large file's validation leaves its transient memory (the invoice-id table, the reader's buffers) on the
        // large object heap until a full collection, and apply would grow on top of it: return it first.
        if (result.RowCount >= CollectBeforeApplyRows)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        // Totals from the accounts as applied (items already written off count in no balance), summed as each
        // account is applied: apply reads the parse result once and keeps no account (memory bounded by accounts).
        var previous = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var entity in result.Entities)
        {
            previous[entity] = (await _summaries.LatestAtOrBeforeAsync(entity, result.AsOf.AddDays(-1), cancellationToken))?.AsOf;
        }

        var applied = new AppliedAccounts(result.AsOf, previous);
        var applier = new SnapshotApplier(_accounts, _writeOffs, _cases, _options.ApplyParallelism);
        await applier.ApplyEachAsync(result.Accounts, source, async (n, ct) =>
        {
            if (n / _options.ProgressEvery > saved / _options.ProgressEvery)
            {
                record = await _files.SaveAsync(record with { AccountsApplied = Math.Max(n, record.AccountsApplied), ETag = null }, ct);
                saved = n;
            }
        }, applied.Add, cancellationToken);

        foreach (var entity in applied.Entities)
        {
            await _cases.SettleAbsentAccountsAsync(entity.Name, entity.Present, source, cancellationToken);
            await _summaries.SaveAsync(entity.Totals.ToSummary(entity.Name, record.Id), cancellationToken);
        }

        return await _files.SaveAsync(record with { AccountsApplied = result.AccountCount, ETag = null }, cancellationToken);
    }

    private async Task<LedgerFileRecord> RejectAsync(BlobClient blob, string leaseId, LedgerFileRecord record, LedgerParseResult result, LedgerFileStatus status, string message, CancellationToken cancellationToken)
    {
        var rejected = _blobs.GetBlobContainerClient(_options.RejectedContainer);
        var csv = UnderId(record.Id, blob.Name) + ".errors.csv";
        await rejected.GetBlobClient(csv).UploadAsync(
            BinaryData.FromString(ErrorReport.ToCsv(result)), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" } }, cancellationToken);
        var report = await MoveAsync(blob, record.Id, leaseId, _options.RejectedContainer, ErrorReport.ToJson(result, status.ToString(), message), ".errors.json", cancellationToken);
        LogRejected(record.Id, status, result.ErrorCount);
        return await _files.SaveAsync(record with
        {
            Status = status,
            Message = message,
            CompletedAt = _time.GetUtcNow(),
            ReportBlob = report,
            ReportCsvBlob = $"{_options.RejectedContainer}/{csv}",
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the report, then moves the file (server-side copy, then delete under the lease) to
    /// <c>container/&lt;id&gt;/&lt;name&gt;</c>; returns the report's <c>container/name</c>.
    /// </summary>
    private async Task<string> MoveAsync(BlobClient blob, string fileId, string leaseId, string container, string report, string reportSuffix, CancellationToken cancellationToken)
    {
        var target = _blobs.GetBlobContainerClient(container);
        var name = UnderId(fileId, blob.Name);
        await target.GetBlobClient(name + reportSuffix).UploadAsync(
            BinaryData.FromString(report), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, cancellationToken);
        var copy = await target.GetBlobClient(name).StartCopyFromUriAsync(blob.Uri, cancellationToken: cancellationToken);
        await copy.WaitForCompletionAsync(cancellationToken);
        await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { LeaseId = leaseId }, cancellationToken);
        return $"{container}/{name}{reportSuffix}";
    }

    /// <summary>Where a file and its reports go: under its unique id, so files with the same name never share them.</summary>
    private static string UnderId(string fileId, string blobName) => fileId + "/" + blobName;

    private async Task RenewAsync(BlobLeaseClient lease, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 2, stop);
                await lease.RenewAsync(cancellationToken: stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException ex)
        {
            LogLeaseLost(ex.Status);
        }
    }

    private static string? Meta(BlobProperties properties, string key) =>
        properties.Metadata.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Ledger file {FileId}: {Rows} rows validated, {Errors} errors")]
    private partial void LogValidated(string fileId, int rows, int errors);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Ledger file {FileId} applied to {Accounts} accounts")]
    private partial void LogApplied(string fileId, int accounts);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Ledger file {FileId} {Status} ({Errors} errors)")]
    private partial void LogRejected(string fileId, LedgerFileStatus status, int errors);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Lost the ledger lease (HTTP {Status}); another instance may process the file")]
    private partial void LogLeaseLost(int status);
}
