using Collections.Domain.Ledger;

namespace Collections.Notices.Rendering;

/// <summary>The statement's view of the ledger, shared by notices and evidence packs so both list and flag items alike.</summary>
internal static class StatementItems
{
    /// <summary>Items ordered by currency code, due date, then invoice id.</summary>
    public static List<LedgerItem> Ordered(IEnumerable<LedgerItem> items) =>
        items
            .OrderBy(i => i.Currency.Code, StringComparer.Ordinal)
            .ThenBy(i => i.DueDate)
            .ThenBy(i => i.InvoiceId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The invoice ids flagged as disputed plus every invoice of the given open disputes.</summary>
    public static HashSet<string> DisputedIds(IReadOnlySet<string>? flagged, IEnumerable<IReadOnlyList<string>> openDisputes)
    {
        var ids = new HashSet<string>(flagged ?? new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var invoiceIds in openDisputes)
        {
            ids.UnionWith(invoiceIds);
        }

        return ids;
    }

    /// <summary>Whether an item is disputed: flagged on the ledger or named in <paramref name="disputedIds"/>.</summary>
    public static bool IsDisputed(LedgerItem item, HashSet<string> disputedIds) =>
        item.Disputed || disputedIds.Contains(item.InvoiceId);
}
