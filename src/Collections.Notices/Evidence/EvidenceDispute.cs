namespace Collections.Notices.Evidence;

/// <summary>A dispute as recorded on the timeline; <paramref name="ResolvedAt"/> and <paramref name="Resolution"/> once resolved.</summary>
public sealed record EvidenceDispute(
    DateTimeOffset RecordedAt,
    string RecordedBy,
    IReadOnlyList<string> InvoiceIds,
    string Reason,
    DateTimeOffset? ResolvedAt = null,
    string? Resolution = null);
