
namespace Collections.Domain.Cases.Events;

/// <summary>A dispute was resolved: the invoices count again (a credit note in a later ledger removes them).</summary>
public sealed record DisputeSettled(IReadOnlyList<string> InvoiceIds, string? Resolution) : CaseEvent;
