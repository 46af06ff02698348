using Collections.Domain.Policy;
using Collections.Notices;
using Collections.Notices.Email;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Clock;
using Collections.Pipeline.Storage;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Collections.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Pipeline.Tests.Cases;

/// <summary>
/// The production engine and dispatcher over a real Azurite (tables, queues, evidence container, unique
/// names per test) on a manual clock, with a recording e-mail sender.
/// </summary>
internal sealed class EngineHarness
{
    private EngineHarness(
        ManualTimeProvider clock,
        TableCaseStore cases,
        TableAccountStore accounts,
        RecordingScheduledQueue timers,
        RecordingScheduledQueue outbox,
        BlobContainerClient evidence,
        RecordingEmailSender sender,
        EngineOptions options,
        BlobServiceClient blobs,
        TableServiceClient tables,
        string suffix)
    {
        Blobs = blobs;
        TableService = tables;
        Suffix = suffix;
        Clock = clock;
        Cases = cases;
        Accounts = accounts;
        Timers = timers;
        Outbox = outbox;
        EvidenceContainer = evidence;
        Sender = sender;
        Options = options;
        Engine = NewEngine();
        Handler = new CaseMessageHandler(Engine, NewDispatcher(Engine), options);
    }

    public ManualTimeProvider Clock { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient TableService { get; }

    /// <summary>Makes this test's container, queue and table names unique.</summary>
    public string Suffix { get; }

    public TableCaseStore Cases { get; }

    public TableAccountStore Accounts { get; }

    public RecordingScheduledQueue Timers { get; }

    public RecordingScheduledQueue Outbox { get; }

    public BlobContainerClient EvidenceContainer { get; }

    public RecordingEmailSender Sender { get; }

    public EngineOptions Options { get; }

    public CaseEngine Engine { get; }

    public CaseMessageHandler Handler { get; }

    /// <summary>The last exception a handler threw (for diagnostics in assertion messages).</summary>
    public Exception? LastError { get; private set; }

    public static async Task<EngineHarness> CreateAsync(AzuriteFixture azurite, DateTimeOffset start, Action<EngineOptions>? configure = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var tables = azurite.CreateTableServiceClient();
        var queues = azurite.CreateQueueServiceClient();
        var blobs = azurite.CreateBlobServiceClient();
        var casesTable = tables.GetTableClient("Cases" + suffix);
        var accountsTable = tables.GetTableClient("Accounts" + suffix);
        await casesTable.CreateIfNotExistsAsync();
        await accountsTable.CreateIfNotExistsAsync();
        var clock = new ManualTimeProvider(start);
        async Task<RecordingScheduledQueue> Queue(string name)
        {
            var q = queues.GetQueueClient(name + suffix);
            var poison = queues.GetQueueClient(name + suffix + "-poison");
            await q.CreateIfNotExistsAsync();
            await poison.CreateIfNotExistsAsync();
            return new RecordingScheduledQueue(q, poison, clock);
        }

        var evidence = blobs.GetBlobContainerClient("evidence" + suffix);
        await evidence.CreateIfNotExistsAsync();
        var options = new EngineOptions { TimerQueue = "timers" + suffix, OutboxQueue = "outbox" + suffix };
        configure?.Invoke(options);
        return new EngineHarness(clock, new TableCaseStore(casesTable), new TableAccountStore(accountsTable), await Queue("timers"), await Queue("outbox"), evidence, new RecordingEmailSender(), options, blobs, tables, suffix);
    }

    public static NoticeOptions NoticeOptions() => TestNotices.Options();

    /// <summary>Another engine instance over the same storage (a second host racing the first).</summary>
    public CaseEngine NewEngine() =>
        new(Cases, Accounts, Timers, Outbox, DunningPolicy.Default, Clock, Options, NullLogger<CaseEngine>.Instance);

    public OutboxDispatcher NewDispatcher(CaseEngine engine, IEmailSender? sender = null) =>
        new(Cases, engine, NoticeRenderer.Create(NoticeOptions()), sender ?? Sender, new BlobEvidenceStore(EvidenceContainer), Outbox, Clock, Options, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>
    /// Delivers queued messages in virtual-time order until <paramref name="horizon"/>: moves the clock to the
    /// earliest scheduled instant and hands every message due by then to the handler, mirroring the queue
    /// trigger (delete on success; on failure deliver again 30 virtual seconds later; poison after the 5th).
    /// </summary>
    public async Task RunUntilAsync(DateTimeOffset horizon)
    {
        for (var guard = 0; guard < 2000; guard++)
        {
            var next = (DateTimeOffset?)null;
            foreach (var q in new[] { Timers, Outbox })
            {
                foreach (var peeked in (await q.Client.PeekMessagesAsync(maxMessages: 32)).Value)
                {
                    var at = q.VisibleAt(peeked.Body.ToString(), Clock.GetUtcNow());
                    next = next is null || at < next ? at : next;
                }
            }

            if (next is null || next > horizon)
            {
                Clock.MoveTo(horizon);
                return;
            }

            Clock.MoveTo(next.Value);
            await DeliverDueAsync(Timers, Handler.HandleTimerAsync);
            await DeliverDueAsync(Outbox, Handler.HandleOutboxAsync);
        }

        throw new InvalidOperationException("The driver did not settle: a message keeps coming back.");
    }

    private async Task DeliverDueAsync(RecordingScheduledQueue q, Func<string, long, CancellationToken, Task> handler)
    {
        foreach (var m in (await q.Client.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
        {
            var text = m.Body.ToString();
            var now = Clock.GetUtcNow();
            if (q.VisibleAt(text, now) > now)
            {
                await q.Client.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                continue;
            }

            q.Consume(text);
            try
            {
                await handler(text, m.DequeueCount, CancellationToken.None);
                await q.Client.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
            catch (Exception) when (m.DequeueCount >= Options.MaxDequeueCount)
            {
                await q.Poison.SendMessageAsync(text);
                await q.Client.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
            catch (Exception ex)
            {
                LastError = ex;
                q.Remember(text, now + TimeSpan.FromSeconds(30));
                await q.Client.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }
    }
}
