using Collections.Pipeline.Queries;

namespace Collections.Pipeline.Archive;

/// <summary>Adds archived cases to the KPIs' input, so KPIs over old periods still count cases that left the live tables.</summary>
public static class ArchivedKpiCases
{
    /// <summary>
    /// <paramref name="live"/> plus every archived case of <paramref name="entity"/> (all when null) that existed during
    /// <paramref name="period"/>: opened by its end, closed on or after its start (the rule KpiQuery applies to live
    /// cases). A case both live and archived (a run interrupted before removing it) counts once, as live.
    /// </summary>
    public static async Task<IReadOnlyList<KpiCaseData>> WithArchivedAsync(this IArchiveReader archive, IReadOnlyList<KpiCaseData> live, string? entity, KpiPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(period);
        var liveIds = live.Select(c => c.State.CaseId).ToHashSet(StringComparer.Ordinal);
        var all = live.ToList();
        var query = new ArchiveQuery { Entity = entity, ClosedFrom = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) };
        await foreach (var archived in archive.ReadAsync(query, cancellationToken))
        {
            if (!liveIds.Contains(archived.CaseId) && DateOnly.FromDateTime(archived.State.CreatedAt.UtcDateTime) <= period.To)
            {
                all.Add(new KpiCaseData(archived.State, archived.Timeline, archived.Outbox));
            }
        }

        return all;
    }
}
