using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Notices.Rendering;
using Collections.Pipeline.Queries;
using Collections.Pipeline.Simulation;
using Collections.Pipeline.Tests.Orchestration;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Simulation;

/// <summary>
/// Domain.md section 4 through the production orchestration on the virtual clock: a write-off is final. The ERP
/// posts it later, so the next ledgers still list the written-off invoices; they never reopen dunning.
/// </summary>
public sealed class WriteOffSimulationTests
{
    [Fact]
    public async Task RunAsync_LedgersStillListWrittenOffInvoices_NoNewCaseExceptForNewDebtOrTheIncrease()
    {
        var first = Ledger("2026-06-10", Account("K-1", items: Inv("INV-1", "2026-06-01", 800m)), Account("K-2", items: Inv("INV-2", "2026-06-01", 500m)), Account("K-3", items: Inv("INV-3", "2026-06-01", 500m)));
        var writeOffs = new[] { "K-1", "K-2", "K-3" }.Select(k => new ScriptedEvent(T("2026-06-11T10:00:00Z"), "default", k, new WriteOffRequested("insolvent") { Actor = "op" })).ToList();
        var later = Ledger("2026-06-20", Account("K-1", items: Inv("INV-1", "2026-06-01", 800m)), Account("K-2", items: [Inv("INV-2", "2026-06-01", 500m), Inv("INV-9", "2026-06-15", 120m)]), Account("K-3", items: Inv("INV-3", "2026-06-01", 650m)));
        var lastly = later with { FileName = "ledger_2026-07-01.csv", Sha256 = "sha-2026-07-01", AsOf = D("2026-07-01") };
        var runner = new SimulationRunner(DunningPolicy.Default, NoticeRenderer.Create(CaseTestKit.NoticeOptions()));

        var result = await runner.RunAsync([first, later, lastly], writeOffs, Midnight("2026-06-10"), Midnight("2026-08-31"), default);

        var cases = result.Cases.GroupBy(c => c.State.Account.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal(CaseStage.WrittenOff, Assert.Single(cases["K-1"]).State.Stage);
        Assert.DoesNotContain(cases["K-1"][0].Timeline, e => e.Type == TimelineType.NoticeSent && e.At > T("2026-06-11T10:00:00Z"));
        Assert.Equal(["INV-9=120.00"], OpenItems(cases["K-2"][1]));
        Assert.Equal(["INV-3=150.00"], OpenItems(cases["K-3"][1]));
        Assert.Equal([2, 2], new[] { cases["K-2"].Count, cases["K-3"].Count });

        // The bad-debt KPI counts each write-off once: 800 + 500 + 500 overdue written off, nothing more.
        var kpi = KpiCalculator.Compute(new KpiPeriod(D("2026-06-01"), D("2026-08-31")), D("2026-08-31"), Midnight("2026-08-31"),
            [.. result.Cases.Select(c => new KpiCaseData(c.State, c.Timeline, []))], [], DunningPolicy.Default);
        Assert.Equal(1800m, Assert.Single(kpi.BadDebtRates).WrittenOff);
    }

    private static SimulationLedger Ledger(string asOf, params CustomerAccount[] accounts) => new($"ledger_{asOf}.csv", "sha-" + asOf, D(asOf), accounts);

    private static IEnumerable<string> OpenItems(SimulatedCase c) =>
        c.State.Items.Select(i => FormattableString.Invariant($"{i.InvoiceId}={i.OpenAmount:F2}"));
}
