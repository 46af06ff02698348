namespace Collections.Operations.Apis.Models;

/// <summary>One open item with its provenance.</summary>
internal sealed record ItemDto(
    string InvoiceId,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    int DaysPastDue,
    bool Disputed,
    string? PoNumber,
    ProvenanceDto? Provenance);
