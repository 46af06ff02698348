using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Queries;

namespace Collections.Functions.Apis;

/// <summary>Loads what the KPIs read (cases of the entity touching the period, their timelines and outboxes, snapshot summaries) and computes them.</summary>
internal sealed class KpiQuery(ICaseStore cases, ISnapshotSummaryStore summaries, CaseEngine engine, TimeProvider time)
{
    public async Task<KpiReport> ComputeAsync(string? entity, KpiPeriod period, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var asOf = period.To < today ? period.To : today;

        var data = new List<KpiCaseData>();
        await foreach (var stored in cases.ListAsync(new CaseListFilter { Entity = entity }, ct))
        {
            var s = stored.State;
            var opened = DateOnly.FromDateTime(s.CreatedAt.UtcDateTime);
            if (opened > period.To || (s.ClosedAt is { } closed && DateOnly.FromDateTime(closed.UtcDateTime) < period.From && !OpenAt(s, asOf)))
            {
                continue; // the case did not exist during the period
            }

            data.Add(new KpiCaseData(s, await cases.GetTimelineAsync(s.CaseId, ct), await cases.GetOutboxAsync(s.CaseId, ct)));
        }

        // Opening summaries: the latest at or before the period's start, per entity; then everything inside the period.
        var rows = (await summaries.ListAsync(entity, period.From.AddYears(-5), period.To, ct)).ToList();
        var opening = rows.Where(r => r.AsOf <= period.From).GroupBy(r => r.Entity, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.AsOf)!);
        var used = opening.Concat(rows.Where(r => r.AsOf > period.From)).ToList();
        return KpiCalculator.Compute(period, asOf, now, data, used, engine.Policy);
    }

    private static bool OpenAt(Collections.Domain.Cases.CaseState s, DateOnly date) => !s.IsClosed || s.ClosedAt is null || DateOnly.FromDateTime(s.ClosedAt.Value.UtcDateTime) >= date;
}
