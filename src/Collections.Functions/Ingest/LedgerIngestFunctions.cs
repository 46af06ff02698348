using Azure.Storage.Blobs;
using Collections.Pipeline.Ingest.Apply;
using Collections.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.Functions.Ingest;

/// <summary>
/// Ledger ingest: a ledger dropped into <c>ledgers</c> is processed by <see cref="LedgerIngestProcessor"/>, the class the
/// local host runs on new blobs too. The processor reads the blob itself (streaming, under a lease), so the trigger
/// binds a <see cref="BlobClient"/> and never downloads the file into the invocation.
/// </summary>
/// <remarks>
/// The processor signals cases through the Durable Task client, which the isolated worker has only as a function's
/// <c>[DurableClient]</c> binding: each function stores it in the invocation's scope first, then resolves the processor
/// from that scope (the composition registers it per invocation, see <see cref="InvocationDurableClient"/>).
/// </remarks>
internal sealed partial class LedgerIngestFunctions(ILogger<LedgerIngestFunctions> logger)
{
    /// <summary>The blob trigger's function name; the Event Grid webhook names it (<c>functionName=Host.Functions.LedgerIngest</c>).</summary>
    public const string LedgerIngest = "LedgerIngest";

    /// <summary>The catch-up timer's function name.</summary>
    public const string LedgerCatchUp = "LedgerCatchUp";

    /// <summary>The drop container (the processor's <see cref="LedgerIngestOptions.LedgersContainer"/>).</summary>
    public const string LedgersContainer = "ledgers";

    /// <summary>Every 15 minutes (NCRONTAB with seconds, UTC).</summary>
    public const string CatchUpSchedule = "0 */15 * * * *";

    /// <summary>The storage connection: identity-based <c>AzureWebJobsStorage__*</c> settings in Azure.</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>
    /// Event-based blob trigger (Event Grid BlobCreated to the blob extension's webhook): the only blob trigger Flex
    /// Consumption runs, and no container scans.
    /// </summary>
    [Function(LedgerIngest)]
    public async Task IngestAsync(
        [BlobTrigger(LedgersContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = Connection)] BlobClient ledger,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var processor = Processor(context, client);
        var record = await processor.ProcessAsync(ledger.Name, cancellationToken);
        LogProcessed(ledger.Name, record?.Status.ToString() ?? "already processed or leased elsewhere");
    }

    /// <summary>
    /// Picks up ledgers no event delivered: files uploaded before the Event Grid subscription existed (it is created in
    /// a second deployment pass) or whose event expired after Event Grid's retries. The processor is idempotent and
    /// leases each file, so a file an event is processing right now is skipped, and a processed one is gone already.
    /// </summary>
    [Function(LedgerCatchUp)]
    public async Task CatchUpAsync(
        [TimerTrigger(CatchUpSchedule)] TimerInfo timer,
        [BlobInput(LedgersContainer, Connection = Connection)] BlobContainerClient ledgers,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        var processor = Processor(context, client);
        await foreach (var blob in ledgers.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var record = await processor.ProcessAsync(blob.Name, cancellationToken);
            if (record is not null)
            {
                LogCaughtUp(blob.Name, record.Status.ToString(), timer.IsPastDue);
            }
        }
    }

    /// <summary>The shared processor of this invocation, over its Durable Task client.</summary>
    private static LedgerIngestProcessor Processor(FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        InvocationDurableClient.Set(context.InstanceServices, client);
        return context.InstanceServices.GetRequiredService<LedgerIngestProcessor>();
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Ledger {BlobName}: {Outcome}")]
    private partial void LogProcessed(string blobName, string outcome);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Ledger {BlobName} caught up without an event: {Outcome} (timer past due: {PastDue})")]
    private partial void LogCaughtUp(string blobName, string outcome, bool pastDue);
}
