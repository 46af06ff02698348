using Collections.Domain.Ledger;

namespace Collections.Domain.Cases;

/// <summary>
/// Records what a snapshot changed on the case timeline, with provenance: settled items, partial
/// payments, new and changed items, and a payment summary per currency.
/// </summary>
internal static class LedgerDiff
{
    public static void Record(CaseBuilder b, IReadOnlyList<LedgerItem> previous, IReadOnlyList<LedgerItem> current, string file, string sha256)
    {
        var before = previous.ToDictionary(i => i.InvoiceId, StringComparer.Ordinal);
        var after = current.ToDictionary(i => i.InvoiceId, StringComparer.Ordinal);
        var paid = new SortedDictionary<string, decimal>(StringComparer.Ordinal);

        foreach (var item in current)
        {
            if (!before.TryGetValue(item.InvoiceId, out var old))
            {
                b.Timeline(TimelineType.ItemAdded, data: Item(item, file, sha256));
                continue;
            }

            if (old.Currency == item.Currency && item.OpenAmount < old.OpenAmount && old.OpenAmount > 0m
                && old.DueDate == item.DueDate && old.Amount == item.Amount)
            {
                var data = Item(item, file, sha256);
                data["previousOpen"] = old.Currency.FormatInvariant(old.OpenAmount);
                data["paid"] = old.Currency.FormatInvariant(old.OpenAmount - Math.Max(0m, item.OpenAmount));
                b.Timeline(TimelineType.ItemPartiallyPaid, data: data);
                Add(paid, item.Currency.Code, old.OpenAmount - Math.Max(0m, item.OpenAmount));
            }
            else if (old with { Provenance = null } != item with { Provenance = null })
            {
                var data = Item(item, file, sha256);
                data["previousOpen"] = old.Currency.FormatInvariant(old.OpenAmount);
                data["previousDueDate"] = CaseHandlers.Date(old.DueDate);
                b.Timeline(TimelineType.ItemChanged, data: data);
            }
        }

        foreach (var old in previous.Where(o => !after.ContainsKey(o.InvoiceId)))
        {
            var data = Item(old, file, sha256);
            data.Remove("row");
            b.Timeline(TimelineType.ItemSettled, data: data);
            if (old.OpenAmount > 0m)
            {
                Add(paid, old.Currency.Code, old.OpenAmount);
            }
        }

        foreach (var (currency, amount) in paid)
        {
            b.Timeline(TimelineType.PaymentReceived, data: CaseHandlers.Data(
                ("currency", currency), ("amount", Monetary.Currency.Parse(currency).FormatInvariant(amount)), ("file", file), ("sha256", sha256)));
        }
    }

    private static Dictionary<string, string> Item(LedgerItem item, string file, string sha256)
    {
        var data = CaseHandlers.Data(
            ("invoiceId", item.InvoiceId), ("currency", item.Currency.Code), ("amount", item.Currency.FormatInvariant(item.Amount)),
            ("open", item.Currency.FormatInvariant(item.OpenAmount)), ("dueDate", CaseHandlers.Date(item.DueDate)),
            ("file", item.Provenance?.FileName ?? file), ("sha256", item.Provenance?.Sha256 ?? sha256));
        if (item.Provenance is { } p)
        {
            data["row"] = CaseHandlers.Num(p.Row);
        }

        return data;
    }

    private static void Add(SortedDictionary<string, decimal> totals, string currency, decimal amount) =>
        totals[currency] = totals.GetValueOrDefault(currency) + amount;
}
