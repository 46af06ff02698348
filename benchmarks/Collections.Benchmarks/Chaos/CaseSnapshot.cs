using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;

namespace Collections.Benchmarks.Chaos;

/// <summary>One case as the chaos check read it: its grade, the projection's stage, the instance's runtime status and its outbox rows.</summary>
internal sealed record CaseSnapshot(string CaseId, CreditGrade Grade, string? Stage, string? RuntimeStatus, IReadOnlyList<OutboxEntry> Outbox);
