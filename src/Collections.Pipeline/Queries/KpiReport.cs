namespace Collections.Pipeline.Queries;

/// <summary>Every KPI of domain.md section 6 for a period and entity (see docs/api.md for each formula).</summary>
public sealed record KpiReport
{
    /// <summary>The period.</summary>
    public required KpiPeriod Period { get; init; }

    /// <summary>The date balances were judged on (aging, lights, agreement rate).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Aging distribution per currency and bucket.</summary>
    public required IReadOnlyList<AgingRow> Aging { get; init; }

    /// <summary>Open cases by traffic light.</summary>
    public required LightCounts Lights { get; init; }

    /// <summary>Recovery rate per currency and bucket.</summary>
    public required IReadOnlyList<RecoveryRow> RecoveryRates { get; init; }

    /// <summary>Bad-debt rate per currency.</summary>
    public required IReadOnlyList<BadDebtRow> BadDebtRates { get; init; }

    /// <summary>DSO per currency.</summary>
    public required IReadOnlyList<DsoRow> Dso { get; init; }

    /// <summary>CEI per currency.</summary>
    public required IReadOnlyList<CeiRow> Cei { get; init; }

    /// <summary>Promises kept / (kept + broken) in the period.</summary>
    public required Ratio PromiseKeptRate { get; init; }

    /// <summary>Steps sent within one business day of their due time.</summary>
    public required Ratio CollectionTimeliness { get; init; }

    /// <summary>Overdue accounts with a promise.</summary>
    public required Ratio AgreementRate { get; init; }

    /// <summary>Notices sent in the period per notice kind.</summary>
    public required IReadOnlyList<StageCount> NoticesPerStage { get; init; }

    /// <summary>Cases resolved in the period, by the highest ladder stage reached before payment.</summary>
    public required IReadOnlyList<StageCount> ResolvedAtStage { get; init; }
}
