namespace Collections.Notices.Rendering;

/// <summary>A dispute the debtor raised: the invoices concerned and the reason in their words.</summary>
public sealed record DisputeDetails(IReadOnlyList<string> InvoiceIds, string Reason);
