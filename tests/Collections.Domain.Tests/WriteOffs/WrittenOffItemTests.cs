using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Policy;
using Collections.Domain.WriteOffs;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.WriteOffs;

/// <summary>What a written-off case records: each open item (entity, customer, invoice, currency, open amount), the case and when.</summary>
public sealed class WrittenOffItemTests
{
    [Fact]
    public void From_WrittenOffCase_EveryOpenItemWithCaseAndInstant()
    {
        var open = Open("2026-06-12", Contact(), items: [Inv("I1", "2026-05-01", 1000m), Inv("I3", "2026-07-01", 300m), Credit("C1", "2026-05-20", -200m), Inv("I0", "2026-04-01", 0m, amount: 90m)]).Must();
        var at = T("2026-06-12T11:00:00Z");

        var written = CaseMachine.Apply(open.State, new WriteOffRequested("insolvent"), at, DunningPolicy.Default).Must();

        var items = WrittenOffItem.From(written.State);
        Assert.Equal(
            [("C1", -200m), ("I1", 1000m), ("I3", 300m)],
            items.Select(i => (i.InvoiceId, i.OpenAmount)).OrderBy(x => x.InvoiceId, StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal((open.State.Account, "case-1", at, "insolvent", Eur), (i.Account, i.CaseId, i.WrittenOffAt, i.Reason, i.Currency)));
    }

    [Fact]
    public void From_CaseNotWrittenOff_Nothing()
    {
        var open = Open("2026-06-12", Contact(), items: [Inv("I1", "2026-05-01", 1000m)]).Must();
        var terminated = CaseMachine.Apply(open.State, new TerminateRequested("duplicate"), T("2026-06-12T11:00:00Z"), DunningPolicy.Default).Must();

        Assert.Empty(WrittenOffItem.From(open.State));
        Assert.Empty(WrittenOffItem.From(terminated.State));
    }
}
