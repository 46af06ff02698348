using Collections.Domain.Cases;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Projections;

namespace Collections.Operations.Apis;

/// <summary>
/// Loads the cases an export needs (written off, or ever on credit hold, and opened by the period's end), live and
/// archived, with their timelines, and <see cref="FinanceExports"/> turns them into rows. A case purged into the archive
/// exports exactly as it did live (its archive line holds its last state and whole timeline); a case both live and
/// archived (a purge interrupted after the archive line was verified, before the live rows went) counts once, live.
/// </summary>
internal sealed class FinanceExportQuery(ICaseProjectionStore cases, IArchiveReader archive)
{
    private const int MaxConcurrentCases = 8;

    public async Task<List<WriteOffExportRow>> WriteOffsAsync(string? entity, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Writing off closes the case, so a write-off in the period belongs to a case closed on or after its start.
        var rows = await RowsAsync(entity, from, to, nameof(CaseStage.WrittenOff),
            s => s.Stage == CaseStage.WrittenOff && s.ClosedAt is { } closed && DateOnly.FromDateTime(closed.UtcDateTime) >= from,
            (s, timeline) => FinanceExports.WriteOffs(s, timeline, from, to), ct);
        return [.. rows.OrderBy(r => r.WrittenOffAt).ThenBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)];
    }

    public async Task<List<CreditHoldExportRow>> CreditHoldsAsync(string? entity, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // An archived case is closed: a hold placed or lifted in the period means it closed on or after the period's start.
        var rows = await RowsAsync(entity, from, to, archivedStage: null, s => s.CreditHold,
            (s, timeline) => FinanceExports.CreditHolds(s, timeline, from, to), ct);
        return [.. rows.OrderBy(r => r.At).ThenBy(r => r.CaseId, StringComparer.Ordinal)];
    }

    private async Task<List<T>> RowsAsync<T>(
        string? entity, DateOnly from, DateOnly to, string? archivedStage, Func<CaseState, bool> wanted,
        Func<CaseState, IReadOnlyList<TimelineEntry>, IEnumerable<T>> rows, CancellationToken ct)
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<CaseState>();
        await foreach (var state in cases.ListAsync(new CaseListFilter { Entity = entity }, ct))
        {
            live.Add(state.CaseId);
            if (Opened(state, to) && wanted(state))
            {
                candidates.Add(state);
            }
        }

        var found = await LiveRowsAsync(candidates, rows, ct);
        var query = new ArchiveQuery { Entity = entity, Stage = archivedStage, ClosedFrom = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) };
        await foreach (var archived in archive.ReadAsync(query, ct))
        {
            if (!live.Contains(archived.CaseId) && Opened(archived.State, to) && wanted(archived.State))
            {
                found.AddRange(rows(archived.State, archived.Timeline));
            }
        }

        return found;
    }

    private async Task<List<T>> LiveRowsAsync<T>(List<CaseState> states, Func<CaseState, IReadOnlyList<TimelineEntry>, IEnumerable<T>> rows, CancellationToken ct)
    {
        var perCase = new List<T>[states.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCases, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, states.Count), parallel, async (i, token) =>
            perCase[i] = [.. rows(states[i], await cases.GetTimelineAsync(states[i].CaseId, token))]);
        return [.. perCase.SelectMany(r => r)];
    }

    private static bool Opened(CaseState state, DateOnly to) => DateOnly.FromDateTime(state.CreatedAt.UtcDateTime) <= to;
}
