using System.Diagnostics;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Queries;

namespace Collections.Fuzz.Tests;

/// <summary>
/// Runs each generated file through validation (<see cref="LedgerParser"/>) and, when valid, the apply step as
/// <see cref="LedgerIngestProcessor"/> does it (every account's snapshot through the case domain, the entity
/// summary built), then reads every case's balance as the KPIs do. Records any exception
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

    private static Task OneAsync(LedgerParser parser, FuzzLedger file, FuzzStats stats)
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
            return Task.CompletedTask;
        }

        stats.Valid++;
        if (result.RowCount == 0 || result.Accounts.Count == 0)
        {
            stats.Violations.Add($"#{file.Index} [{file.Mutations}]: valid with {result.RowCount} rows and {result.Accounts.Count} accounts");
        }

        // Each account's opening snapshot through the domain, as the case orchestration applies it (CaseMachine;
        // the durable plumbing around it is tested in Pipeline.Tests and Host.Tests), then its balance as the KPIs read it.
        var source = new SnapshotSource(result.AsOf, file.FileName, result.Sha256);
        foreach (var account in result.Accounts)
        {
            var evt = new SnapshotApplied(source.AsOf, account.CustomerName, account.Contact, account.Items, source.FileName, source.Sha256) { Actor = "ledger" };
            var transition = CaseMachine.Apply(CaseState.New(CaseIds.For(account.Key, 1), account.Key, Now), evt, Now, DunningPolicy.Default);
            stats.AccountsApplied++;
            if (transition.Accepted)
            {
                _ = KpiCalculator.Balance(transition.State, result.AsOf);
            }
        }

        foreach (var group in result.Accounts.GroupBy(a => a.Key.Entity, StringComparer.Ordinal))
        {
            _ = SnapshotSummaryBuilder.Build(group.Key, result.AsOf, null, "fuzz", group);
        }

        return Task.CompletedTask;
    }
}
