using Collections.Domain.Cases;
using Collections.Domain.Policy;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Queries;

namespace Collections.Operations.Apis;

/// <summary>Loads what the KPIs read (cases of the entity touching the period, live and archived, their timelines and outboxes, snapshot summaries) and computes them.</summary>
internal sealed class KpiQuery(ICaseStore cases, ISnapshotSummaryStore summaries, DunningPolicy policy, TimeProvider time, IArchiveReader archive)
{
    private const int MaxConcurrentCases = 8;

    public async Task<KpiReport> ComputeAsync(string? entity, KpiPeriod period, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var asOf = period.To < today ? period.To : today;

        var touching = new List<CaseState>();
        await foreach (var stored in cases.ListAsync(new CaseListFilter { Entity = entity }, ct))
        {
            var s = stored.State;
            var opened = DateOnly.FromDateTime(s.CreatedAt.UtcDateTime);
            if (opened > period.To || (s.ClosedAt is { } closed && DateOnly.FromDateTime(closed.UtcDateTime) < period.From && !OpenAt(s, asOf)))
            {
                continue; // the case did not exist during the period
            }

            touching.Add(s);
        }

        // Timeline and outbox are independent reads: both at once per case, a bounded number of cases at a time,
        // each result written to its case's index so the order stays the store's.
        var data = new KpiCaseData[touching.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCases, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, touching.Count), parallel, async (i, token) =>
        {
            var s = touching[i];
            var timeline = cases.GetTimelineAsync(s.CaseId, token);
            var outbox = cases.GetOutboxAsync(s.CaseId, token);
            await Task.WhenAll(timeline, outbox);
            data[i] = new KpiCaseData(s, await timeline, await outbox);
        });

        // Opening summaries: the latest at or before the period's start, per entity; then everything inside the period.
        var rows = (await summaries.ListAsync(entity, period.From.AddYears(-5), period.To, ct)).ToList();
        var opening = rows.Where(r => r.AsOf <= period.From).GroupBy(r => r.Entity, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.AsOf)!);
        var used = opening.Concat(rows.Where(r => r.AsOf > period.From)).ToList();
        return KpiCalculator.Compute(period, asOf, now, await archive.WithArchivedAsync(data, entity, period, ct), used, policy);
    }

    private static bool OpenAt(CaseState s, DateOnly date) => !s.IsClosed || s.ClosedAt is null || DateOnly.FromDateTime(s.ClosedAt.Value.UtcDateTime) >= date;
}
