using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Cases;

/// <summary>Domain.md section 4 rule 7: a notice refers only to what the case's timeline records, and states the ladder's own dates.</summary>
public sealed class NoticeFactsTests
{
    [Fact]
    public void Derive_FirstNoticeIsFinalNoticeAfterCatchUp_NoEarlierNoticesAndTheLaddersDeadline()
    {
        var open = Open("2026-06-12", Contact(), items: Inv("I1", "2026-04-03", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-12T09:00:00Z"));

        var facts = NoticeFacts.Derive(state, SentEntries(log, upTo: NoticeKind.FinalNotice), NoticeKind.FinalNotice, DunningPolicy.Default);

        Assert.Equal((null, null, null), (facts.ReminderSentOn, facts.DemandSentOn, facts.FinalNoticeSentOn));
        Assert.Equal((D("2026-06-19"), 7), (facts.Deadline!.Value, facts.PaymentDays!.Value));
    }

    [Fact]
    public void Derive_GradeDDemand_NoReminderToMention()
    {
        var open = Open("2026-06-02", Contact(grade: CreditGrade.D), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-03T00:00:00Z"));

        var facts = NoticeFacts.Derive(state, SentEntries(log, upTo: NoticeKind.Demand), NoticeKind.Demand, DunningPolicy.Default);

        Assert.Null(facts.ReminderSentOn);
        Assert.Equal(D("2026-06-09"), facts.Deadline);
    }

    [Fact]
    public void Derive_EscalateNowSkippedTheFinalNotice_NoFinalNoticeToMention_AccountOnHold()
    {
        var open = Open("2026-06-02", Contact(), items: Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-06-10T00:00:00Z"), events: (T("2026-06-05T10:00:00+01:00"), new EscalateNowRequested("fraud suspected")));

        var facts = NoticeFacts.Derive(state, SentEntries(log, upTo: NoticeKind.Escalation), NoticeKind.Escalation, DunningPolicy.Default);

        Assert.Equal((D("2026-06-02"), null, null, null), (facts.ReminderSentOn, facts.DemandSentOn, facts.FinalNoticeSentOn, facts.FinalNoticeDeadline));
        Assert.True(facts.OnCreditHold);
    }

    [Fact]
    public void Derive_EscalationAfterFullLadderAndBrokenPromise_RecordsAllOfIt()
    {
        var policy = ParsePolicy(DefaultPolicyJson("""{ "default": { "holidays": [] } }""").Replace("\"ladders\"", "\"timings\": { \"lateInterestAnnualPercent\": 8 }, \"ladders\"", StringComparison.Ordinal));
        var open = Open("2026-06-02", Contact(), policy, Inv("I1", "2026-06-01", 1000m)).Must();
        var (state, log) = Drive(open.State, T("2026-08-01T00:00:00Z"), policy, (T("2026-07-02T10:00:00+01:00"), new PromiseMade(D("2026-07-03"), new Money(400m, Eur))));

        var facts = NoticeFacts.Derive(state, [.. SentEntries(log, upTo: NoticeKind.Escalation), .. log.Entries()], NoticeKind.Escalation, policy);

        Assert.Equal((D("2026-06-02"), D("2026-06-16"), D("2026-07-01"), D("2026-07-08")), (facts.ReminderSentOn!.Value, facts.DemandSentOn!.Value, facts.FinalNoticeSentOn!.Value, facts.FinalNoticeDeadline!.Value));
        Assert.Equal((D("2026-07-03"), new Money(400m, Eur)), (facts.BrokenPromiseDate!.Value, facts.BrokenPromiseAmount!.Value));
        Assert.Equal((8m, true, false), (facts.LateInterestAnnualPercent, facts.OnCreditHold, facts.LegalReferralNeedsApproval));
    }

    // The dispatcher records NoticeSent when the provider accepts a notice; here every notice before the one being rendered was accepted.
    private static List<TimelineEntry> SentEntries(List<(DateTimeOffset At, CaseEffect Effect)> log, NoticeKind upTo)
    {
        var sends = log.Select(x => x.Effect).OfType<SendNotice>().ToList();
        var current = sends.FindLastIndex(n => n.Kind == upTo);
        Assert.True(current >= 0, $"no {upTo} was sent");
        return [.. sends.Take(current).Select(n => new TimelineEntry(n.At, TimelineType.NoticeSent, n.Kind.StageOf(), n.Kind))];
    }
}
