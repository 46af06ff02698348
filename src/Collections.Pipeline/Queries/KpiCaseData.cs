using Collections.Domain.Cases;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Queries;

/// <summary>One case with its timeline and outbox rows: what the case-based KPIs read.</summary>
public sealed record KpiCaseData(CaseState State, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<OutboxEntry> Outbox);
