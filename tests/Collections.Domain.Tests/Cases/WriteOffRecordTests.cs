using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Cases;

/// <summary>Domain.md section 6: the bad-debt rate counts only the overdue, undisputed part of a written-off account.</summary>
public sealed class WriteOffRecordTests
{
    [Fact]
    public void WriteOff_RecordsOverdueUndisputedApartFromOpen()
    {
        // As of 06-12: I1 1000 overdue, I2 400 overdue but disputed on the case, I3 300 not yet due, C1 -200 credit.
        // Overdue undisputed = 1000 - 200 = 800; open = 1000 + 400 + 300 - 200 = 1500.
        var open = Open("2026-06-12", Contact(), items: [Inv("I1", "2026-05-01", 1000m), Inv("I2", "2026-05-10", 400m), Inv("I3", "2026-07-01", 300m), Credit("C1", "2026-05-20", -200m)]).Must();
        var disputed = CaseMachine.Apply(open.State, new DisputeRaised(["I2"], "short delivery"), T("2026-06-12T10:00:00Z"), DunningPolicy.Default).Must();

        var written = CaseMachine.Apply(disputed.State, new WriteOffRequested("insolvent"), T("2026-06-12T11:00:00Z"), DunningPolicy.Default).Must();

        var entry = written.Effects.OfType<AppendTimeline>().Select(a => a.Entry).Single(e => e.Type == TimelineType.WrittenOff);
        Assert.Equal(("1500.00", "800.00"), (entry.Data!["open.EUR"], entry.Data["overdue.EUR"]));
    }
}
