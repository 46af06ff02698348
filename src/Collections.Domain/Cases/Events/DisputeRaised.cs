
namespace Collections.Domain.Cases.Events;

/// <summary>The debtor disputes invoices: they leave the overdue balance.</summary>
public sealed record DisputeRaised(IReadOnlyList<string> InvoiceIds, string Reason) : CaseEvent;
