using Collections.Domain.Monetary;

namespace Collections.Domain.Ledger;

/// <summary>
/// One open item of an account: an invoice (amount &gt; 0), or a credit note or unapplied cash
/// (amount &lt; 0). Amounts are exact decimals in <see cref="Currency"/>.
/// </summary>
public sealed record LedgerItem(
    string InvoiceId,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    Currency Currency,
    decimal Amount,
    decimal OpenAmount,
    bool Disputed = false,
    string? PoNumber = null,
    ItemProvenance? Provenance = null)
{
    /// <summary>Whether this is an invoice (a debit) rather than a credit note or cash.</summary>
    public bool IsInvoice => Amount > 0m;

    /// <summary>The original amount as money.</summary>
    public Money Original => new(Amount, Currency);

    /// <summary>The open amount as money.</summary>
    public Money Open => new(OpenAmount, Currency);

    /// <summary>Whole days past due on <paramref name="asOf"/> (0 when not yet due).</summary>
    public int DaysPastDue(DateOnly asOf) => Math.Max(0, asOf.DayNumber - DueDate.DayNumber);

    /// <summary>Overdue on <paramref name="asOf"/>: due strictly before it with something still open.</summary>
    public bool IsOverdue(DateOnly asOf) => DueDate < asOf && OpenAmount > 0m;
}
