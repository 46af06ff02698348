namespace Collections.Operations.Apis.Models;

/// <summary>The running promise to pay.</summary>
internal sealed record PromiseDto(DateOnly PromisedDate, decimal Amount, string Currency, DateTimeOffset RecordedAt, DateTimeOffset EndsAt, bool Kept);
