using System.Diagnostics;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Queries;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Fuzz.Tests;

/// <summary>
/// Runs each generated file through validation (<see cref="LedgerParser"/>) and, when valid, the apply step as
/// <see cref="LedgerIngestProcessor"/> does it (every account to its case, absent accounts settled, the entity
/// summary built) on the in-memory stores, then reads every case's balance as the KPIs do. Records any exception
/// (a crash) and any broken promise of the parser (a violation): a rejected file with no error, or with accounts.
/// </summary>
internal static class FuzzRunner
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    public static async Task<FuzzStats> RunAsync(IEnumerable<FuzzLedger> files)
    {
        var stats = new FuzzStats();
        var parser = new LedgerParser(new IngestOptions());
        foreach (var file in files)
        {
            stats.Tried++;
            var watch = Stopwatch.StartNew();
            try
            {
                await OneAsync(parser, file, stats);
            }
            catch (Exception ex)
            {
                stats.Crashes.Add($"#{file.Index} {file.FileName} [{file.Mutations}]: {ex.GetType().Name}: {ex.Message}");
            }

            if (watch.Elapsed.TotalMilliseconds > stats.SlowestMs)
            {
                stats.SlowestMs = watch.Elapsed.TotalMilliseconds;
                stats.SlowestFile = $"#{file.Index} [{file.Mutations}]";
            }

            if (stats.Tried % 25 == 0)
            {
                stats.MaxManagedBytes = Math.Max(stats.MaxManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        using var process = Process.GetCurrentProcess();
        stats.PeakWorkingSetBytes = process.PeakWorkingSet64;
        return stats;
    }

    private static async Task OneAsync(LedgerParser parser, FuzzLedger file, FuzzStats stats)
    {
        using var content = new MemoryStream(file.Content, writable: false);
        var result = parser.Parse(content, new LedgerParseRequest(file.FileName, DateOnly.FromDateTime(Now.UtcDateTime)));
        if (!result.IsValid)
        {
            stats.Rejected++;
            var first = result.Errors.Count > 0 ? result.Errors[0].Code.ToString() : "(none)";
            stats.RejectedBy[first] = stats.RejectedBy.GetValueOrDefault(first) + 1;
            if (result.Errors.Count == 0 || result.Accounts.Count > 0)
            {
                stats.Violations.Add($"#{file.Index} [{file.Mutations}]: rejected with {result.Errors.Count} errors and {result.Accounts.Count} accounts");
            }

            // As LedgerIngestProcessor: a rejected file is never applied.
            return;
        }

        stats.Valid++;
        if (result.RowCount == 0 || result.Accounts.Count == 0)
        {
            stats.Violations.Add($"#{file.Index} [{file.Mutations}]: valid with {result.RowCount} rows and {result.Accounts.Count} accounts");
        }

        var cases = new InMemoryCaseStore();
        var engine = new CaseEngine(cases, new InMemoryAccountStore(), new InMemoryScheduledQueue("t"), new InMemoryScheduledQueue("o"),
            DunningPolicy.Default, new FixedTime(Now), new EngineOptions(), NullLogger<CaseEngine>.Instance);
        var source = new SnapshotSource(result.AsOf, file.FileName, result.Sha256);
        foreach (var account in result.Accounts)
        {
            await engine.ApplySnapshotAsync(account, source, CancellationToken.None);
            stats.AccountsApplied++;
        }

        foreach (var group in result.Accounts.GroupBy(a => a.Key.Entity, StringComparer.Ordinal))
        {
            await engine.SettleAbsentAccountsAsync(group.Key, group.Select(a => a.Key.CustomerId).ToHashSet(StringComparer.Ordinal), source, CancellationToken.None);
            _ = SnapshotSummaryBuilder.Build(group.Key, result.AsOf, null, "fuzz", group);
        }

        await foreach (var stored in cases.ListAsync(new CaseListFilter(), CancellationToken.None))
        {
            _ = KpiCalculator.Balance(stored.State, result.AsOf);
        }
    }
}
