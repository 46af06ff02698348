using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Domain.WriteOffs;

/// <summary>
/// One item of an account as it was written off by a case: the open amount that case wrote off (domain.md
/// section 4, "Write off"). An invoice written off by two cases (the second one dunned only an increase) has
/// one of these per case; what is written off on the item is their sum.
/// </summary>
public sealed record WrittenOffItem(
    AccountKey Account,
    string InvoiceId,
    Currency Currency,
    decimal OpenAmount,
    string CaseId,
    DateTimeOffset WrittenOffAt,
    string? Reason)
{
    /// <summary>
    /// The items a written-off case wrote off: every item of its latest snapshot with something open (credits
    /// included, so a later snapshot that still lists a written-off credit does not net it against new debt).
    /// Empty when the case is not written off.
    /// </summary>
    public static IReadOnlyList<WrittenOffItem> From(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Stage != CaseStage.WrittenOff || state.Terminated)
        {
            return [];
        }

        var at = state.ClosedAt ?? state.LastUpdatedAt;
        return [.. state.Items
            .Where(i => i.OpenAmount != 0m)
            .GroupBy(i => (i.InvoiceId, i.Currency))
            .Select(g => new WrittenOffItem(state.Account, g.Key.InvoiceId, g.Key.Currency, g.Sum(i => i.OpenAmount), state.CaseId, at, state.CloseReason))];
    }
}
