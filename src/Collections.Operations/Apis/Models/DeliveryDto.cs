namespace Collections.Operations.Apis.Models;

/// <summary>One outbox row: a notice and its delivery state.</summary>
internal sealed record DeliveryDto(
    string Id,
    string Kind,
    string Status,
    DateTimeOffset DueAt,
    DateTimeOffset? SentAt,
    int Attempts,
    string? ProviderMessageId,
    string? Error);
