using Collections.Domain.Policy;

namespace Collections.Domain.Cases;

/// <summary>
/// The dates the ladder applies after a Demand and a FinalNotice, computed one way for the state machine
/// (which acts on them) and for notices (which state them), so a letter never names a date the ladder
/// does not keep. Dates are calendar dates in the debtor's time zone, counted from the day the step was taken.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>The date a Demand asks payment by: its sending date + the policy's demand payment days; null before the Demand.</summary>
    public static DateOnly? Demand(CaseState state, DunningPolicy policy) =>
        StepDate(state, policy, CaseStage.Demand)?.AddDays(policy.Timings.DemandPaymentDays);

    /// <summary>The FinalNotice's deadline: its sending date + the policy's final-notice days; null before the FinalNotice.</summary>
    public static DateOnly? FinalNotice(CaseState state, DunningPolicy policy) =>
        StepDate(state, policy, CaseStage.FinalNotice)?.AddDays(policy.Timings.FinalNoticeDeadlineDays);

    /// <summary>
    /// When the FinalNotice's deadline has passed: the start of the day after it in the debtor's time zone.
    /// From then an unpaid account goes on credit hold, and escalation may follow.
    /// </summary>
    public static DateTimeOffset? CreditHoldDue(CaseState state, DunningPolicy policy) =>
        FinalNotice(state, policy) is { } deadline && state.Contact is { } contact
            ? SendClock.For(policy, contact.TimeZoneId, contact.Country).StartOfDay(deadline.AddDays(1))
            : null;

    private static DateOnly? StepDate(CaseState state, DunningPolicy policy, CaseStage stage) =>
        state.StepsTaken.TryGetValue(stage, out var at) && state.Contact is { } contact
            ? SendClock.For(policy, contact.TimeZoneId, contact.Country).LocalDate(at)
            : null;
}
