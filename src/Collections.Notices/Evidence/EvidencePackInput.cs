using Collections.Domain.Ledger;

namespace Collections.Notices.Evidence;

/// <summary>
/// What the evidence pack is built from: the account, its open items with provenance (file, SHA-256,
/// row) as of the last applied snapshot, and the case's notices, promises and disputes.
/// </summary>
public sealed record EvidencePackInput(
    string CaseId,
    AccountKey Account,
    string CustomerName,
    ContactDetails Contact,
    DateOnly AsOf,
    IReadOnlyList<LedgerItem> Items,
    IReadOnlyList<EvidenceNotice> Notices,
    IReadOnlyList<EvidencePromise> Promises,
    IReadOnlyList<EvidenceDispute> Disputes,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Invoices disputed on the case (in addition to ledger flags), left out of overdue.</summary>
    public IReadOnlySet<string>? DisputedInvoiceIds { get; init; }
}
