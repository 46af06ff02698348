namespace Collections.Operations.Apis.Models;

/// <summary>A page of cases; pass <see cref="ContinuationToken"/> back to get the next (null on the last page).</summary>
internal sealed record CasePageDto(IReadOnlyList<CaseSummaryDto> Items, string? ContinuationToken);
