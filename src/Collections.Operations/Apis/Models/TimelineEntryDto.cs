namespace Collections.Operations.Apis.Models;

/// <summary>One timeline entry.</summary>
internal sealed record TimelineEntryDto(
    DateTimeOffset At,
    string Type,
    string? Stage,
    string? Notice,
    string? Reason,
    string? Actor,
    IReadOnlyDictionary<string, string>? Data);
