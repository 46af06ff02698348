using Collections.Domain.Policy;
using Collections.Pipeline.Queries;
using static Collections.Pipeline.Tests.Queries.KpiFixture;

namespace Collections.Pipeline.Tests.Queries;

/// <summary>Every KPI on <see cref="KpiFixture"/>, with the arithmetic written out.</summary>
public sealed class KpiCalculatorTests
{
    private static readonly DateTimeOffset Now = T("2026-10-01T12:00:00Z");

    private static KpiReport Report() => KpiCalculator.Compute(Period, Period.To, Now, AllCases(), Summaries(), DunningPolicy.Default);

    [Fact]
    public void RecoveryRates_Fixture_AttributeEachInvoiceToOneBucket()
    {
        // EUR 1-30: A1 1000 (overdue 30 days at 07-01) + A2 500 (arises 07-21) + D1 700 (first seen 09-20, 5 days) = 2200;
        //           collected on A1: 400 (07-15) + 600 (08-10) = 1000 -> 1000 / 2200 = 0.454545 -> 0.4545
        // EUR 90+ : B1 2000 (122 days at 07-01), nothing collected -> 0
        // USD 1-30: C1 300 (11 days at 07-01), settled 07-05 -> 1
        // E1 (due 10-15) is never overdue in the period: in no base.
        var rows = Report().RecoveryRates;
        Assert.Equal(
            [new RecoveryRow("EUR", "1-30", 2200m, 1000m), new RecoveryRow("EUR", "90+", 2000m, 0m), new RecoveryRow("USD", "1-30", 300m, 300m)],
            rows);
        Assert.Equal([0.4545m, 0m, 1m], rows.Select(r => r.Rate!.Value));
    }

    [Fact]
    public void BadDebtRates_Fixture_WrittenOffOverOverdueTotal()
    {
        // EUR: 2000 overdue and undisputed written off (B, 09-10; its 2600 open includes 600 in dispute) / (2200 + 2000)
        // = 0.476190 -> 0.4762; USD: 0 / 300 = 0
        var rows = Report().BadDebtRates;
        Assert.Equal([new BadDebtRow("EUR", 2000m, 4200m), new BadDebtRow("USD", 0m, 300m)], rows);
        Assert.Equal(0.4762m, rows[0].Rate);
        Assert.Equal(0m, rows[1].Rate);
    }

    [Fact]
    public void Dso_Fixture_EndingReceivablesOverDailySales()
    {
        // closing: x 09-30 8000 + y 09-30 1000 = 9000; credit sales in (07-01, 09-30]: 5000 + 7000 + 1000 = 13000;
        // days = 09-30 - 07-01 = 91; DSO = 9000 / (13000 / 91) = 63.0 (the 10-31 summary is after the period)
        var dso = Assert.Single(Report().Dso);
        Assert.Equal(new DsoRow("EUR", 9000m, 13000m, 91), dso);
        Assert.Equal(63.0m, dso.Dso);
    }

    [Fact]
    public void Cei_Fixture_CollectedOverCollectible()
    {
        // opening (latest at or before 07-01): x 06-30 10000 (y has none); closing 9000, closing current 5000 + 1000 = 6000
        // CEI = (10000 + 13000 - 9000) / (10000 + 13000 - 6000) x 100 = 14000 / 17000 x 100 = 82.35 -> 82.4
        var cei = Assert.Single(Report().Cei);
        Assert.Equal(new CeiRow("EUR", 10000m, 13000m, 9000m, 6000m), cei);
        Assert.Equal(82.4m, cei.Cei);
    }

    [Fact]
    public void PromiseKeptRate_Fixture_CountsOnlyThePeriod()
    {
        // kept 07-20, broken 08-25 (the 06-20 kept is before the period) -> 1 / 2
        var rate = Report().PromiseKeptRate;
        Assert.Equal(new Ratio(1, 2), rate);
        Assert.Equal(0.5m, rate.Rate);
    }

    [Fact]
    public void CollectionTimeliness_Fixture_WithinOneBusinessDay()
    {
        // o1 Reminder due Thu 07-02 sent same day: timely; o2 Demand due Fri 07-24 sent Tue 07-28 (deadline Mon 07-27): late;
        // o3 is a receipt (not a step), o4 cancelled; o5 due Wed 09-30 still pending at 10-01 12:00 (deadline 10-01 08:00): late
        // -> 1 / 3
        var rate = Report().CollectionTimeliness;
        Assert.Equal(new Ratio(1, 3), rate);
        Assert.Equal(0.3333m, rate.Rate);
    }

    [Fact]
    public void CollectionTimeliness_DeadlineNotPassed_IsNotJudgedYet()
    {
        // at 10-01 07:00 the pending o5 still has an hour: only o1 and o2 are judged -> 1 / 2
        Assert.Equal(new Ratio(1, 2), KpiCalculator.CollectionTimeliness(Period, T("2026-10-01T07:00:00Z"), AllCases(), DunningPolicy.Default));
    }

    [Fact]
    public void AgreementRate_Fixture_PromisesAmongOverdueCases()
    {
        // overdue during the period: A, B (closed 09-10), C (closed 07-05), D; E was never overdue -> 4; A promised -> 1 / 4
        Assert.Equal(new Ratio(1, 4), Report().AgreementRate);
    }

    [Fact]
    public void NoticesPerStage_Fixture_SentInThePeriodByKind()
    {
        // A Reminder 07-02, B FinalNotice 08-01, C Receipt 07-05
        Assert.Equal([new StageCount("Reminder", 1), new StageCount("FinalNotice", 1), new StageCount("Receipt", 1)], Report().NoticesPerStage);
    }

    [Fact]
    public void ResolvedAtStage_Fixture_HighestStepBeforePayment()
    {
        // only C resolved in the period (07-05), after a Reminder
        Assert.Equal([new StageCount("Reminder", 1)], Report().ResolvedAtStage);
    }

    [Fact]
    public void AgingAndLights_Fixture_OpenCasesOnTheAsOfDate()
    {
        // on 09-30: A2 due 07-20 -> 72 days (61-90, red) 500; D1 due 09-15 -> 15 days (1-30, yellow) 700; E1 not due (current, green) 900
        var report = Report();
        Assert.Equal(
            [new AgingRow("EUR", "current", 1, 900m, 0m), new AgingRow("EUR", "1-30", 1, 700m, 700m), new AgingRow("EUR", "61-90", 1, 500m, 500m)],
            report.Aging);
        Assert.Equal(new LightCounts(1, 1, 1), report.Lights);
    }

    [Fact]
    public void Compute_NoData_RatesAreUndefinedNotZero()
    {
        var empty = KpiCalculator.Compute(Period, Period.To, Now, [], [], DunningPolicy.Default);
        Assert.Null(empty.PromiseKeptRate.Rate);
        Assert.Null(empty.CollectionTimeliness.Rate);
        Assert.Null(empty.AgreementRate.Rate);
        Assert.Empty(empty.RecoveryRates);
        Assert.Empty(empty.Dso);
    }

    [Fact]
    public void KpiPeriod_Days_IsElapsedDaysAtLeastOne()
    {
        Assert.Equal(91, Period.Days);
        Assert.Equal(1, new KpiPeriod(D("2026-07-01"), D("2026-07-01")).Days);
    }
}
