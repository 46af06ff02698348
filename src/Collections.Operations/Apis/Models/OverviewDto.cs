using Collections.Pipeline.Queries;

namespace Collections.Operations.Apis.Models;

/// <summary>The dashboard's overview: counts, lights, aging, what is due soon, what failed, recent files.</summary>
internal sealed record OverviewDto
{
    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<CountDto> ByStage { get; init; }

    public required IReadOnlyList<CountDto> ByStatus { get; init; }

    public required LightCounts Lights { get; init; }

    public required IReadOnlyList<AgingRow> Aging { get; init; }

    /// <summary>Open cases whose next timer fires in the next 7 days, soonest first (at most 50).</summary>
    public required IReadOnlyList<CaseSummaryDto> DueNext7Days { get; init; }

    /// <summary>Failed cases needing an operator's retry (at most 50).</summary>
    public required IReadOnlyList<CaseSummaryDto> Failed { get; init; }

    public required IReadOnlyList<LedgerFileDto> RecentFiles { get; init; }
}
