using System.Globalization;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Queries;
using static Collections.Pipeline.Tests.Queries.KpiFixture;

namespace Collections.Pipeline.Tests.Queries;

/// <summary>Issue 16 point 1: stored amounts whose sums leave the decimal range never make a KPI throw.</summary>
public sealed class KpiExtremeAmountTests
{
    private const decimal Huge = 50_000_000_000_000_000_000_000_000_000.00m;

    [Fact]
    public void Compute_TwoAccountsOfHalfTheDecimalRangeEach_AgingSaturatesInsteadOfThrowing()
    {
        var cases = new[] { Case("A", Item("A1", Huge)), Case("B", Item("B1", Huge)) };

        var report = KpiCalculator.Compute(Period, Period.To, T("2026-10-01T00:00:00Z"), cases, [], DunningPolicy.Default);

        var row = Assert.Single(report.Aging);
        Assert.Equal(2, row.Accounts);
        Assert.Equal(decimal.MaxValue, row.Open);
    }

    [Fact]
    public void Balance_ItemsWhoseSumOverflows_CapsEachAtTheIngestLimit()
    {
        var state = Case("A", Item("A1", decimal.MaxValue), Item("A2", 1.00m)).State;

        var balance = KpiCalculator.Balance(state, Period.To);

        Assert.Equal(Collections.Pipeline.Ingest.LedgerValues.MaxAmount + 1.00m, Assert.Single(balance.Balances).Open);
    }

    [Fact]
    public void Compute_SummariesAndTimelinesAtTheDecimalLimit_RatiosAreNullNotErrors()
    {
        var summaries = new[] { Summary("x", "2026-06-30", decimal.MaxValue, 0.01m), Summary("y", "2026-06-30", decimal.MaxValue, 0.01m), Summary("x", "2026-09-30", decimal.MaxValue, 0.01m) };
        var timeline = new List<TimelineEntry> { Added("2026-07-01", "A1", decimal.MaxValue), Added("2026-07-01", "A2", decimal.MaxValue) };
        var cases = new[] { Case("A", Item("A1", Huge)) with { Timeline = timeline } };

        var report = KpiCalculator.Compute(Period, Period.To, T("2026-10-01T00:00:00Z"), cases, summaries, DunningPolicy.Default);

        Assert.Equal(decimal.MaxValue, Assert.Single(report.Cei).OpeningReceivables);
        Assert.Null(report.Cei[0].Cei);
        Assert.Equal(decimal.MaxValue, Assert.Single(report.RecoveryRates).Base);
    }

    [Fact]
    public void DsoRow_QuotientOutsideTheDecimalRange_IsNull()
    {
        Assert.Null(new DsoRow("EUR", decimal.MaxValue, 0.0001m, 92).Dso);
    }

    private static KpiCaseData Case(string id, params LedgerItem[] items) => new(new CaseState
    {
        CaseId = id,
        Account = new AccountKey("x", "cust-" + id),
        CustomerName = "Customer " + id,
        Contact = new ContactDetails("ap@example.com", [], null, NoticeLanguage.English, "Europe/London", "GB", CreditGrade.B),
        Items = [.. items],
        AsOf = D("2026-09-30"),
        CreatedAt = T("2026-06-01T00:00:00Z"),
        LastUpdatedAt = T("2026-06-01T00:00:00Z"),
        WasOverdue = true,
        Stage = CaseStage.PreDue,
    }, [], []);

    private static LedgerItem Item(string id, decimal open) => new(id, D("2026-05-01"), D("2026-06-01"), Currency.Parse("EUR"), open, open);

    private static SnapshotSummary Summary(string entity, string asOf, decimal receivables, decimal current) =>
        new(entity, D(asOf), "f-" + asOf, [new CurrencyTotals("EUR", receivables, current, receivables - current, 0m, receivables,
            new Dictionary<string, decimal>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal))]);

    private static TimelineEntry Added(string date, string invoice, decimal open) =>
        new(T(date + "T00:00:00Z"), TimelineType.ItemAdded, Data: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invoiceId"] = invoice,
            ["currency"] = "EUR",
            ["open"] = open.ToString(CultureInfo.InvariantCulture),
            ["dueDate"] = "2026-06-01",
        });
}
