using Collections.Domain.Monetary;

namespace Collections.Notices.Evidence;

/// <summary>A promise to pay as recorded on the timeline.</summary>
public sealed record EvidencePromise(
    DateTimeOffset RecordedAt,
    string RecordedBy,
    DateOnly PromisedDate,
    Money Amount,
    EvidencePromiseOutcome Outcome);
