using Collections.Domain.Cases;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.Cases;

namespace Collections.Operations.Apis;

/// <summary>
/// Loads the cases an export needs (written off, or ever on credit hold, and opened by the period's end) and reads
/// their timelines, a bounded number at a time; <see cref="FinanceExports"/> turns them into rows.
/// </summary>
internal sealed class FinanceExportQuery(ICaseStore cases)
{
    private const int MaxConcurrentCases = 8;

    public async Task<List<WriteOffExportRow>> WriteOffsAsync(string? entity, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(entity, to, s => s.Stage == CaseStage.WrittenOff && s.ClosedAt is { } closed && DateOnly.FromDateTime(closed.UtcDateTime) >= from, ct);
        var rows = await RowsAsync(candidates, (s, timeline) => FinanceExports.WriteOffs(s, timeline, from, to), ct);
        return [.. rows.OrderBy(r => r.WrittenOffAt).ThenBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)];
    }

    public async Task<List<CreditHoldExportRow>> CreditHoldsAsync(string? entity, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(entity, to, s => s.CreditHold, ct);
        var rows = await RowsAsync(candidates, (s, timeline) => FinanceExports.CreditHolds(s, timeline, from, to), ct);
        return [.. rows.OrderBy(r => r.At).ThenBy(r => r.CaseId, StringComparer.Ordinal)];
    }

    private async Task<List<CaseState>> CandidatesAsync(string? entity, DateOnly to, Func<CaseState, bool> wanted, CancellationToken ct)
    {
        var found = new List<CaseState>();
        await foreach (var stored in cases.ListAsync(new CaseListFilter { Entity = entity }, ct))
        {
            if (DateOnly.FromDateTime(stored.State.CreatedAt.UtcDateTime) <= to && wanted(stored.State))
            {
                found.Add(stored.State);
            }
        }

        return found;
    }

    private async Task<List<T>> RowsAsync<T>(List<CaseState> states, Func<CaseState, IReadOnlyList<TimelineEntry>, IEnumerable<T>> rows, CancellationToken ct)
    {
        var perCase = new List<T>[states.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCases, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, states.Count), parallel, async (i, token) =>
            perCase[i] = [.. rows(states[i], await cases.GetTimelineAsync(states[i].CaseId, token))]);
        return [.. perCase.SelectMany(r => r)];
    }
}
