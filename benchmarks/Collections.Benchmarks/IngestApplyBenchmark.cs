using System.Diagnostics;
using System.Globalization;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Storage;
using Collections.Storage;
using Collections.Storage.Blobs;
using Collections.Storage.Queues;
using Collections.Storage.Tables;
using Collections.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Benchmarks;

/// <summary>
/// The whole blob flow on a fresh Azurite: a generated ledger (default 1,000,000 rows, 20,000 accounts)
/// is uploaded, validated, applied to cases (tables and queues for real) and moved. Prints rows/s,
/// accounts/s and the process's peak memory. Usage: <c>ingest-apply [rows] [parallelism]</c>.
/// </summary>
internal static class IngestApplyBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var parallelism = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var path = Path.Combine(Path.GetTempPath(), $"ledger-apply-{rows}_2026-06-12.csv");
        IngestParseBenchmark.Generate(path, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {rows:N0} rows, {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB"));

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var connection = StorageConnection.Parse(azurite.ConnectionString);
            var blobs = new BlobServiceClient(connection);
            var tables = new TableServiceClient(connection);
            var queues = new QueueServiceClient(connection);
            foreach (var c in new[] { "ledgers", "ledgers-processed", "ledgers-rejected" })
            {
                await blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync();
            }

            foreach (var t in new[] { "Cases", "Accounts", "LedgerFiles", "LedgerSnapshots" })
            {
                await tables.GetTableClient(t).CreateIfNotExistsAsync();
            }

            foreach (var q in new[] { "dunning-timers", "notices-outbox" })
            {
                await queues.GetQueueClient(q).CreateIfNotExistsAsync();
            }

            var time = TimeProvider.System;
            var engine = new CaseEngine(
                new TableCaseStore(tables.GetTableClient("Cases")),
                new TableAccountStore(tables.GetTableClient("Accounts")),
                new StorageScheduledQueue(queues.GetQueueClient("dunning-timers"), time),
                new StorageScheduledQueue(queues.GetQueueClient("notices-outbox"), time),
                DunningPolicy.Default,
                time,
                new EngineOptions(),
                NullLogger<CaseEngine>.Instance);
            var processor = new LedgerIngestProcessor(
                blobs,
                new TableLedgerFileStore(tables.GetTableClient("LedgerFiles")),
                new TableSnapshotSummaryStore(tables.GetTableClient("LedgerSnapshots")),
                engine,
                new LedgerParser(new IngestOptions()),
                new LedgerIngestOptions { ApplyParallelism = parallelism },
                time,
                NullLogger<LedgerIngestProcessor>.Instance);

            var name = Path.GetFileName(path);
            await using (var file = File.OpenRead(path))
            {
                await blobs.GetBlobContainerClient("ledgers").GetBlobClient(name).UploadAsync(file);
            }

            var peakHeap = 0L;
            using var sampler = new Timer(_ => peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false)), null, 0, 200);
            var watch = Stopwatch.StartNew();
            var record = await processor.ProcessAsync(name, CancellationToken.None);
            watch.Stop();
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));

            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest-apply: {record!.Status}, {record.RowsTotal:N0} rows, {record.AccountsApplied:N0} accounts in {watch.Elapsed.TotalSeconds:F1} s = " +
                $"{record.RowsTotal / watch.Elapsed.TotalSeconds:N0} rows/s, {record.AccountsApplied / watch.Elapsed.TotalSeconds:N0} accounts/s (parallelism {parallelism}); " +
                $"managed heap peak {peakHeap / 1024.0 / 1024.0:F0} MiB, process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB"));
        }
        finally
        {
            await azurite.DisposeAsync();
            File.Delete(path);
        }
    }
}
