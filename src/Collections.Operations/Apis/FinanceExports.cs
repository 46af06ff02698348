using System.Globalization;
using Collections.Domain.Cases;
using Collections.Operations.Apis.Models;

namespace Collections.Operations.Apis;

/// <summary>
/// Finance rows from one case's timeline (pure). Write-offs: each <c>WrittenOff</c> entry, one row per
/// <c>open.&lt;CUR&gt;</c> amount. Credit holds: placed by the first <c>CreditHoldPlaced</c> or <c>Escalated</c> entry
/// (escalation puts the account on hold), lifted by the <c>Resolved</c> entry of a case on hold (paid in full); a
/// written-off or terminated case keeps its hold. An entry counts when its UTC date is in [from, to].
/// </summary>
internal static class FinanceExports
{
    // By name: CreditHoldPlaced is recorded from the notices change on (issue 15 point 2); before it, escalation was
    // the only moment a hold was placed.
    private static readonly string[] HoldPlaced = ["CreditHoldPlaced", nameof(TimelineType.Escalated)];

    public static IEnumerable<WriteOffExportRow> WriteOffs(CaseState state, IEnumerable<TimelineEntry> timeline, DateOnly from, DateOnly to)
    {
        foreach (var entry in timeline.Where(e => e.Type == TimelineType.WrittenOff && In(e.At, from, to)))
        {
            var amounts = (entry.Data ?? new Dictionary<string, string>(StringComparer.Ordinal))
                .Where(p => p.Key.StartsWith("open.", StringComparison.Ordinal))
                .OrderBy(p => p.Key, StringComparer.Ordinal);
            foreach (var (key, value) in amounts)
            {
                if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                {
                    yield return new WriteOffExportRow(state.Account.Entity, state.Account.CustomerId, state.CustomerName, state.CaseId,
                        entry.At, key["open.".Length..], amount, entry.Reason, entry.Actor);
                }
            }
        }
    }

    public static IEnumerable<CreditHoldExportRow> CreditHolds(CaseState state, IReadOnlyList<TimelineEntry> timeline, DateOnly from, DateOnly to)
    {
        var placed = timeline.FirstOrDefault(e => HoldPlaced.Contains(e.Type.ToString(), StringComparer.Ordinal));
        if (placed is null)
        {
            yield break;
        }

        if (In(placed.At, from, to))
        {
            yield return Row(state, "placed", placed, placed.Reason ?? placed.Type.ToString());
        }

        var lifted = timeline.FirstOrDefault(e => e.Type == TimelineType.Resolved && e.At >= placed.At);
        if (lifted is not null && In(lifted.At, from, to))
        {
            yield return Row(state, "lifted", lifted, "Paid");
        }
    }

    private static CreditHoldExportRow Row(CaseState state, string evt, TimelineEntry entry, string reason) =>
        new(state.Account.Entity, state.Account.CustomerId, state.CustomerName, state.CaseId, evt, entry.At, reason, entry.Actor);

    private static bool In(DateTimeOffset at, DateOnly from, DateOnly to)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day >= from && day <= to;
    }
}
