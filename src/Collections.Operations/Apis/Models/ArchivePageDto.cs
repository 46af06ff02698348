namespace Collections.Operations.Apis.Models;

/// <summary>Archived cases closed in <c>[from, to]</c>, oldest close first; <see cref="Truncated"/> when more matched than one answer holds.</summary>
internal sealed record ArchivePageDto(DateOnly From, DateOnly To, IReadOnlyList<ArchiveEntryDto> Cases, bool Truncated);
