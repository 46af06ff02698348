namespace Collections.Operations.Apis.Requests;

/// <summary>Record a promise to pay: <c>amount</c> in <c>currency</c> by <c>promisedDate</c> (within 30 days).</summary>
internal sealed record PromiseRequest(DateOnly? PromisedDate, decimal? Amount, string? Currency);
