namespace Collections.Operations.Apis.Models;

/// <summary>What wakes the case next (its durable timer) and when.</summary>
internal sealed record NextTimerDto(string Kind, DateTimeOffset At, string? Stage);
