namespace Collections.Operations.Apis.Requests;

/// <summary>Resolve a dispute: the invoices count again.</summary>
internal sealed record ResolveDisputeRequest(IReadOnlyList<string>? InvoiceIds, string? Resolution);
