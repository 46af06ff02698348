using System.Globalization;
using System.Text.Json;
using Azure;
using Collections.Pipeline.Ingest.Apply;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// Standalone stand-in for the <c>ledgers/{name}</c> blob trigger: polls the container and processes each
/// blob version once, keeping receipts in <c>azure-webjobs-hosts</c> as the Functions host does. After five
/// failed attempts a blob goes to the <c>webjobs-blobtrigger-poison</c> queue and is not tried again.
/// </summary>
internal sealed partial class BlobTriggerService(
    BlobServiceClient blobs,
    QueueServiceClient queues,
    LedgerIngestProcessor processor,
    HostSettings settings,
    ILogger<BlobTriggerService> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    /// <summary>The Functions app's blob-triggered function (receipts and poison messages name it, as the Functions host does).</summary>
    private const string FunctionName = "LedgerIngest";

    // The queue service's "never expires" time-to-live.
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ledgers = blobs.GetBlobContainerClient(StorageNames.LedgersContainer);
        var receipts = blobs.GetBlobContainerClient(StorageNames.HostsContainer);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var item in ledgers.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    await TryProcessAsync(item, receipts, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogScanFailed(ex.Message);
            }

            try
            {
                await Task.Delay(settings.MaxPollingInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TryProcessAsync(BlobItem item, BlobContainerClient receipts, CancellationToken ct)
    {
        var receipt = receipts.GetBlobClient($"blobreceipts/collections/{FunctionName}/{item.Properties.ETag?.ToString().Trim('"')}/{StorageNames.LedgersContainer}/{item.Name}");
        var attempts = 0;
        try
        {
            var props = (await receipt.GetPropertiesAsync(cancellationToken: ct)).Value;
            if (props.Metadata.TryGetValue("done", out var done) && string.Equals(done, "true", StringComparison.Ordinal))
            {
                return;
            }

            attempts = props.Metadata.TryGetValue("attempts", out var a) ? int.Parse(a, CultureInfo.InvariantCulture) : 0;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        if (attempts >= MaxAttempts)
        {
            return;
        }

        try
        {
            await processor.ProcessAsync(item.Name, ct);
            await WriteReceiptAsync(receipt, attempts + 1, done: true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await WriteReceiptAsync(receipt, attempts + 1, done: false, ct);
            LogProcessFailed(attempts + 1, ex.GetType().Name, ex.Message);
            if (attempts + 1 >= MaxAttempts)
            {
                // StorageBootstrap creates the poison queue before the hosted services start.
                var poison = queues.GetQueueClient(StorageNames.BlobTriggerPoisonQueue);
                await poison.SendMessageAsync(JsonSerializer.Serialize(new { FunctionId = FunctionName, BlobType = "BlockBlob", ContainerName = StorageNames.LedgersContainer, BlobName = item.Name, ETag = item.Properties.ETag?.ToString() }), null, NeverExpires, ct);
            }
        }
    }

    private static Task WriteReceiptAsync(BlobClient receipt, int attempts, bool done, CancellationToken ct) =>
        receipt.UploadAsync(BinaryData.FromString(""), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["attempts"] = attempts.ToString(CultureInfo.InvariantCulture),
                ["done"] = done ? "true" : "false",
            },
        }, ct);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Scanning the ledgers container failed: {Error}")]
    private partial void LogScanFailed(string error);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Processing a ledger blob failed (attempt {Attempt}): {Type}: {Error}")]
    private partial void LogProcessFailed(int attempt, string type, string error);
}
