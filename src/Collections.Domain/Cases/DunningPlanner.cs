using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;

namespace Collections.Domain.Cases;

/// <summary>Planning questions answered with the real state machine, for dry runs and previews.</summary>
public static class DunningPlanner
{
    /// <summary>
    /// The first notice the policy would send for this snapshot alone: the snapshot is applied at its
    /// as-of date 00:00 UTC and the timing rules (window, business days, catch-up) decide the step and
    /// its instant, expressed with the debtor's UTC offset. Null when nothing would be sent.
    /// </summary>
    public static PlannedStep? FirstStep(CustomerAccount account, DateOnly asOf, DunningPolicy policy)
    {
        var now = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var opened = CaseMachine.Apply(
            CaseState.New("preview", account.Key, now),
            new SnapshotApplied(asOf, account.CustomerName, account.Contact, account.Items, "preview", "") { Actor = "preview" },
            now,
            policy);
        return opened.Accepted ? opened.State.PlannedStep : null;
    }
}
