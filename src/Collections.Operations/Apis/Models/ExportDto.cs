namespace Collections.Operations.Apis.Models;

/// <summary>A finance export as JSON: the period (UTC dates, inclusive), the entity filter and the rows.</summary>
internal sealed record ExportDto<T>(DateOnly From, DateOnly To, string? Entity, DateTimeOffset GeneratedAt, IReadOnlyList<T> Items);
