namespace Collections.Operations.Apis.Requests;

/// <summary>Raise a dispute on invoices of the case.</summary>
internal sealed record DisputeRequest(IReadOnlyList<string>? InvoiceIds, string? Reason);
