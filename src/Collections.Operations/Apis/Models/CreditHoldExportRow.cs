namespace Collections.Operations.Apis.Models;

/// <summary>A credit hold placed on or lifted from an account (<c>Event</c>: placed or lifted), for the ERP's credit block.</summary>
internal sealed record CreditHoldExportRow(
    string Entity, string CustomerId, string CustomerName, string CaseId, string Event, DateTimeOffset At, string? Reason, string? Actor);
