namespace Collections.Operations.Apis.Models;

/// <summary>
/// A page of the archived cases closed in <c>[from, to]</c>, in case id order; pass <see cref="ContinuationToken"/> back
/// to get the next (null on the last page).
/// </summary>
internal sealed record ArchivePageDto(DateOnly From, DateOnly To, IReadOnlyList<ArchiveEntryDto> Cases, string? ContinuationToken);
