namespace Collections.Operations.Apis.Models;

/// <summary>One written-off amount (one row per currency of the case): what finance posts to the bad-debt account.</summary>
internal sealed record WriteOffExportRow(
    string Entity, string CustomerId, string CustomerName, string CaseId, DateTimeOffset WrittenOffAt, string Currency, decimal Amount, string? Reason, string? Actor);
