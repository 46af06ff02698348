using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Domain.WriteOffs;

/// <summary>
/// Applies the write-off rule of domain.md section 4 to a snapshot's account: an item already written off never
/// reopens dunning. A listed item is matched by invoice id and currency; what was written off on it (summed over
/// the cases that wrote it off) is taken out of its open amount. Only what is left beyond the write-off, in the
/// same direction (more owed on an invoice, more credit on a credit), stays as an item, with that amount open;
/// new items pass unchanged.
/// </summary>
public static class WriteOffFilter
{
    /// <summary>Splits <paramref name="account"/>'s items into those to dun and those shown as written off.</summary>
    /// <param name="account">The account as the snapshot lists it.</param>
    /// <param name="writtenOff">The account's written-off items (others are ignored).</param>
    public static WriteOffResult Apply(CustomerAccount account, IEnumerable<WrittenOffItem> writtenOff)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(writtenOff);
        var amounts = new Dictionary<(string InvoiceId, Currency Currency), decimal>();
        foreach (var w in writtenOff.Where(w => w.Account == account.Key))
        {
            amounts[(w.InvoiceId, w.Currency)] = amounts.GetValueOrDefault((w.InvoiceId, w.Currency)) + w.OpenAmount;
        }

        if (amounts.Count == 0)
        {
            return new WriteOffResult(account, []);
        }

        var kept = new List<LedgerItem>(account.Items.Count);
        var shown = new List<LedgerItem>();
        foreach (var item in account.Items)
        {
            if (!amounts.TryGetValue((item.InvoiceId, item.Currency), out var off) || off == 0m)
            {
                kept.Add(item);
                continue;
            }

            var beyond = item.OpenAmount - off;
            if (beyond != 0m && Math.Sign(beyond) == Math.Sign(off))
            {
                // Only the increase is dunned; the written-off part is shown as written off.
                kept.Add(item with { OpenAmount = beyond });
                shown.Add(item with { OpenAmount = off });
            }
            else
            {
                shown.Add(item);
            }
        }

        return new WriteOffResult(account with { Items = kept }, shown);
    }
}
