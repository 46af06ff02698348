using System.Globalization;
using Collections.Domain.Cases;

namespace Collections.Pipeline.Queries;

/// <summary>Reconstructs invoice open-amount histories from case timelines (the data behind recovery and bad-debt rates).</summary>
public static class ItemMovements
{
    /// <summary>
    /// The movements of every invoice of the cases, keyed by entity, customer and invoice id so that an invoice
    /// carried from one episode (case) of an account into the next is one history. Credit notes are ignored.
    /// </summary>
    public static IReadOnlyList<ItemMovement> From(IEnumerable<KpiCaseData> cases)
    {
        var result = new List<ItemMovement>();
        foreach (var c in cases)
        {
            var account = c.State.Account.Entity + "\n" + c.State.Account.CustomerId + "\n";
            foreach (var e in c.Timeline)
            {
                if (e.Data is not { } data
                    || e.Type is not (TimelineType.ItemAdded or TimelineType.ItemPartiallyPaid or TimelineType.ItemSettled or TimelineType.ItemChanged)
                    || !data.TryGetValue("invoiceId", out var invoice)
                    || !data.TryGetValue("currency", out var currency)
                    || !data.TryGetValue("dueDate", out var dueText)
                    || !DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                    || !data.TryGetValue("open", out var openText)
                    || !decimal.TryParse(openText, NumberStyles.Number, CultureInfo.InvariantCulture, out var open))
                {
                    continue;
                }

                if (e.Type == TimelineType.ItemAdded && open <= 0m)
                {
                    continue; // a credit note or unapplied cash: not debt to recover
                }

                var after = e.Type == TimelineType.ItemSettled ? 0m : Math.Max(0m, open);
                var collection = e.Type is TimelineType.ItemPartiallyPaid or TimelineType.ItemSettled;
                result.Add(new ItemMovement(account + invoice, currency, due, DateOnly.FromDateTime(e.At.UtcDateTime), after, collection));
            }
        }

        return result;
    }
}
