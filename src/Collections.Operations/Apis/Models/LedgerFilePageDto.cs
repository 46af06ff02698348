namespace Collections.Operations.Apis.Models;

/// <summary>A page of ledger files, newest first.</summary>
internal sealed record LedgerFilePageDto(IReadOnlyList<LedgerFileDto> Items, string? ContinuationToken);
