using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Storage;
using Collections.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Benchmarks;

/// <summary>
/// Apply on a fresh Azurite. A generated ledger (default 1,000,000 rows, 20,000 accounts) is parsed once (not
/// timed), then: the floor (<see cref="TableInsertBenchmark.MeasureBatchedAsync"/>, same run, same Azurite); the
/// storage work of apply (account index read per entity, account rows in 100-entity transactions, progress saves)
/// with case signalling stubbed out, as rows written per second and its ratio to the floor; a re-run of the same
/// file (everything already applied). With <c>full</c> instead, the whole blob flow (download, validate, apply,
/// move) in a process that holds nothing else, with its peak working set; case signalling is stubbed here too (the
/// Durable Task signalling is measured by the durable benchmarks).
/// Usage: <c>ingest-apply [rows] [parallelism] [storage|full]</c>.
/// </summary>
internal static class IngestApplyBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var parallelism = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var full = args.Length > 2 && string.Equals(args[2], "full", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"ledger-apply-{rows}_2026-06-12.csv");
        IngestParseBenchmark.Generate(path, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {rows:N0} rows, {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB"));

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            if (full)
            {
                await RunFullAsync(azurite, path, parallelism);
                return;
            }

            var watch = Stopwatch.StartNew();
            var parsed = new LedgerParser(new IngestOptions()).ParseFile(path, new LedgerParseRequest(Path.GetFileName(path), new DateOnly(2026, 6, 12)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parsed (not part of the figure): {parsed.RowCount:N0} rows, {parsed.AccountCount:N0} accounts, {parsed.Entities.Count} entities in {watch.Elapsed.TotalSeconds:F1} s"));

            var tables = azurite.CreateTableServiceClient();
            var floor = await TableInsertBenchmark.MeasureBatchedAsync(tables, 10_000);

            // The same rows in apply's own partition shape (the account index's partitions: entity and bucket): as many
            // rows as accounts, the largest partition's count to a partition. Explains the ratio; the goal is against the floor above.
            var accountsTable = tables.GetTableClient("Accounts");
            var accountStore = new TableAccountStore(accountsTable);
            var largestPartition = parsed.Accounts.GroupBy(a => accountStore.TransactionGroupOf(a.Key.Entity, a.Key.CustomerId), StringComparer.Ordinal).Max(g => g.Count());
            var shaped = await TableInsertBenchmark.MeasureBatchedAsync(tables, parsed.AccountCount, largestPartition, "same shape");

            var filesTable = tables.GetTableClient("LedgerFiles");
            var writeOffsTable = tables.GetTableClient("WriteOffs");
            await accountsTable.CreateIfNotExistsAsync();
            await filesTable.CreateIfNotExistsAsync();
            await writeOffsTable.CreateIfNotExistsAsync();
            var files = new TableLedgerFileStore(filesTable);
            var applier = new SnapshotApplier(accountStore, new TableWriteOffRegister(writeOffsTable), new OpenEveryCase(), parallelism);
            var source = new SnapshotSource(parsed.AsOf, Path.GetFileName(path), parsed.Sha256);
            var record = await files.SaveAsync(new LedgerFileRecord("bench", source.FileName, DateTimeOffset.UnixEpoch) { Status = LedgerFileStatus.Applying }, CancellationToken.None);
            var progressEvery = new LedgerIngestOptions().ProgressEvery;
            var progressSaves = 0;
            async Task Progress(int n, CancellationToken ct)
            {
                if (n / progressEvery > record.AccountsApplied / progressEvery)
                {
                    record = await files.SaveAsync(record with { AccountsApplied = n, ETag = null }, ct);
                    progressSaves++;
                }
            }

            await WarmApplyAsync(tables, parallelism);
            watch.Restart();
            // As the product applies (LedgerIngestProcessor): each account as applied is handed on, none kept.
            await applier.ApplyEachAsync(parsed.Accounts, source, Progress, _ => { }, CancellationToken.None);
            var elapsed = watch.Elapsed.TotalSeconds;
            var written = parsed.AccountCount + progressSaves;
            var rate = written / elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"apply storage: {written:N0} rows ({parsed.AccountCount:N0} accounts + {progressSaves} progress saves) in {elapsed:F2} s = {rate:F0} rows/s (parallelism {parallelism}, case signalling stubbed)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor:         {floor:F0} entities/s (batched insert, same run)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio:         {rate / floor:F2} of the floor (goal >= 0.60)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shape:         {rate / shaped:F2} of the same rows inserted in apply's partition shape ({shaped:F0} entities/s, {largestPartition:N0} to a partition)"));

            watch.Restart();
            var again = await applier.ApplyAsync(parsed.Accounts, source, (_, _) => Task.CompletedTask, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"re-apply:      {again.Applied:N0} accounts already applied, checked in {watch.Elapsed.TotalSeconds:F2} s (one read of its partitions per entity, no writes)"));
        }
        finally
        {
            await azurite.DisposeAsync();
            File.Delete(path);
        }
    }

    /// <summary>
    /// Applies a small ledger (5,000 rows, one item an account) into throwaway tables first, so the measured apply
    /// is not charged with compiling the SDK's and the applier's code (the floor has its own warm-up).
    /// </summary>
    private static async Task WarmApplyAsync(TableServiceClient tables, int parallelism)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ledger-apply-warm-{Environment.ProcessId}_2026-06-12.csv");
        IngestParseBenchmark.Generate(path, 5_000);
        try
        {
            var parsed = new LedgerParser(new IngestOptions()).ParseFile(path, new LedgerParseRequest(Path.GetFileName(path), new DateOnly(2026, 6, 12)));
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var accounts = tables.GetTableClient("warmaccounts" + suffix);
            var writeOffs = tables.GetTableClient("warmwriteoffs" + suffix);
            await accounts.CreateIfNotExistsAsync();
            await writeOffs.CreateIfNotExistsAsync();
            var applier = new SnapshotApplier(new TableAccountStore(accounts), new TableWriteOffRegister(writeOffs), new OpenEveryCase(), parallelism);
            await applier.ApplyAsync(parsed.Accounts, new SnapshotSource(parsed.AsOf, Path.GetFileName(path), parsed.Sha256), (_, _) => Task.CompletedTask, CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The whole blob flow (download, validate, apply with case signalling stubbed, move).</summary>
    private static async Task RunFullAsync(AzuriteFixture azurite, string path, int parallelism)
    {
        var blobs = azurite.CreateBlobServiceClient();
        var tables = azurite.CreateTableServiceClient();
        foreach (var c in new[] { "ledgers", "ledgers-processed", "ledgers-rejected" })
        {
            await blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync();
        }

        foreach (var t in new[] { "FullAccounts", "FullLedgerFiles", "FullLedgerSnapshots", "FullWriteOffs" })
        {
            await tables.GetTableClient(t).CreateIfNotExistsAsync();
        }

        var time = TimeProvider.System;
        var accounts = new TableAccountStore(tables.GetTableClient("FullAccounts"));
        var files = new PhaseTrackingFileStore(new TableLedgerFileStore(tables.GetTableClient("FullLedgerFiles")));
        var processor = new LedgerIngestProcessor(
            blobs,
            files,
            new TableSnapshotSummaryStore(tables.GetTableClient("FullLedgerSnapshots")),
            accounts,
            new TableWriteOffRegister(tables.GetTableClient("FullWriteOffs")),
            new OpenEveryCase(),
            new LedgerParser(new IngestOptions()),
            new LedgerIngestOptions { ApplyParallelism = parallelism },
            time,
            NullLogger<LedgerIngestProcessor>.Instance);

        var name = Path.GetFileName(path);
        await using (var file = File.OpenRead(path))
        {
            await blobs.GetBlobContainerClient("ledgers").GetBlobClient(name).UploadAsync(file, overwrite: true);
        }

        // The flow's own peak: the generated file's upload (the SDK's block buffers) is not part of it. Linux resets
        // the peak resident set (VmHWM, what PeakWorkingSet64 reads) when "5" is written to clear_refs.
        using (var before = Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"before the flow: peak working set {before.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB (generate, upload)"));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var reset = TryResetPeakWorkingSet();
        var peakHeap = 0L;
        using var sampler = new Timer(_ =>
        {
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            files.Sample(Environment.WorkingSet);
        }, null, 0, 100);
        var watch = Stopwatch.StartNew();
        var record = await processor.ProcessAsync(name, CancellationToken.None);
        watch.Stop();
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));

        using var process = Process.GetCurrentProcess();
        var peakScope = reset ? "(of the flow: the peak was reset after the upload)" : "(since the process started: the peak could not be reset)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full flow:     {record!.Status}, {record.RowsTotal:N0} rows, {record.AccountsApplied:N0} accounts in {watch.Elapsed.TotalSeconds:F1} s = " +
            $"{record.RowsTotal / watch.Elapsed.TotalSeconds:N0} rows/s, {record.AccountsApplied / watch.Elapsed.TotalSeconds:N0} accounts/s (parallelism {parallelism}, case signalling stubbed); " +
            $"managed heap peak {peakHeap / 1024.0 / 1024.0:F0} MiB, process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB {peakScope}"));
        Console.WriteLine($"working set by phase (sampled every 100 ms, highest first): {Phases(files)}");
    }

    private static string Phases(PhaseTrackingFileStore files) =>
        string.Join(", ", files.Peaks.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value / 1024.0 / 1024.0:F0} MiB")));

    private static bool TryResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Case signalling stubbed out: every account gets the record a freshly opened case would give it, with no I/O.</summary>
    private sealed class OpenEveryCase : ICaseSignals
    {
        public Task<AccountRecord> SignalSnapshotAsync(Domain.Ledger.CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken) =>
            Task.FromResult(record with { ActiveCaseId = CaseIds.For(account.Key, record.Episode + 1), Episode = record.Episode + 1, LastSha256 = source.Sha256, LastAsOf = source.AsOf });

        public Task<SnapshotOutcome> ApplySnapshotAsync(Domain.Ledger.CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A fresh store has no conflicts.");

        public Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken) =>
            Task.FromResult(0);
    }
}
