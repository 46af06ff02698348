using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Operations.Apis;
using Collections.Operations.Apis.Models;
using static Collections.Host.Tests.Apis.TestData;

namespace Collections.Host.Tests.Apis;

/// <summary>Finance rows from hand-written timelines, and their CSV.</summary>
public sealed class FinanceExportsTests
{
    private static readonly CaseState State = CaseState.New("c-1", new AccountKey("ent", "CUST-1"), T("2026-09-01T00:00:00Z")) with { CustomerName = "Cust One" };

    private static Dictionary<string, string> Data(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void WriteOffs_EntryWithTwoCurrencies_GivesOneRowPerCurrencyInThePeriodOnly()
    {
        List<TimelineEntry> timeline =
        [
            new(T("2026-10-31T12:00:00Z"), TimelineType.WrittenOff, CaseStage.WrittenOff, Reason: "insolvent", Actor: "operator:ab12cd34",
                Data: Data(("open.USD", "50.00"), ("open.EUR", "400.00"))),
        ];

        var rows = FinanceExports.WriteOffs(State, timeline, D("2026-10-01"), D("2026-10-31")).ToList();

        Assert.Equal([("EUR", 400.00m), ("USD", 50.00m)], rows.Select(r => (r.Currency, r.Amount)));
        Assert.All(rows, r => Assert.Equal(("ent", "CUST-1", "c-1", "insolvent"), (r.Entity, r.CustomerId, r.CaseId, r.Reason)));
        Assert.Empty(FinanceExports.WriteOffs(State, timeline, D("2026-11-01"), D("2026-11-30")));
    }

    [Fact]
    public void CreditHolds_EscalatedThenResolved_PlacedAndLifted()
    {
        List<TimelineEntry> timeline =
        [
            new(T("2026-10-01T09:00:00Z"), TimelineType.NoticeSent),
            new(T("2026-10-10T09:00:00Z"), TimelineType.Escalated, CaseStage.Escalated, Actor: "system"),
            new(T("2026-11-02T00:00:00Z"), TimelineType.Resolved, CaseStage.Resolved, Actor: "system"),
        ];
        var holding = State with { CreditHold = true };

        var rows = FinanceExports.CreditHolds(holding, timeline, D("2026-10-01"), D("2026-11-30")).ToList();

        Assert.Equal([("placed", T("2026-10-10T09:00:00Z")), ("lifted", T("2026-11-02T00:00:00Z"))], rows.Select(r => (r.Event, r.At)));
        Assert.Equal("Paid", rows[1].Reason);
        Assert.Equal(["lifted"], FinanceExports.CreditHolds(holding, timeline, D("2026-11-01"), D("2026-11-30")).Select(r => r.Event));
    }

    [Fact]
    public void CreditHolds_NeverOnHold_GivesNothing()
    {
        List<TimelineEntry> timeline = [new(T("2026-11-02T00:00:00Z"), TimelineType.Resolved, CaseStage.Resolved)];

        Assert.Empty(FinanceExports.CreditHolds(State, timeline, D("2026-10-01"), D("2026-11-30")));
    }

    [Fact]
    public void Csv_TextThatLooksLikeAFormula_IsNeutralised_AmountsStayNumbers()
    {
        var csv = ExportCsv.WriteOffs([new WriteOffExportRow("ent", "=HYPERLINK(\"x\")", "+Cust, Ltd", "c-1", T("2026-10-31T12:00:00Z"), "EUR", -12.5m, "@SUM(A1)", "-op")]);

        var lines = csv.Split("\r\n");
        Assert.Equal("entity,customer_id,customer_name,case_id,written_off_at,currency,amount,reason,actor", lines[0]);
        Assert.Equal("ent,\"'=HYPERLINK(\"\"x\"\")\",\"'+Cust, Ltd\",c-1,2026-10-31T12:00:00Z,EUR,-12.5,'@SUM(A1),'-op", lines[1]);
        Assert.Equal("", lines[2]);
    }
}
