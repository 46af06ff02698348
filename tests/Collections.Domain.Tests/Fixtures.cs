using System.Globalization;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;

namespace Collections.Domain.Tests;

/// <summary>Builders for ledger items, accounts and cases, and a tiny driver that fires timers in order.</summary>
internal static class Fixtures
{
    public static readonly Currency Eur = Currency.Parse("EUR");
    public static readonly Currency Usd = Currency.Parse("USD");
    public static readonly Currency Cny = Currency.Parse("CNY");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateTimeOffset Midnight(string isoDate) => new(D(isoDate).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static LedgerItem Inv(string id, string due, decimal open, Currency? ccy = null, decimal? amount = null, bool disputed = false) =>
        new(id, D(due).AddDays(-30), D(due), ccy ?? Eur, amount ?? Math.Max(open, 1m), open, disputed);

    public static LedgerItem Credit(string id, string date, decimal open, Currency? ccy = null) =>
        new(id, D(date), D(date), ccy ?? Eur, open, open);

    public static ContactDetails Contact(string tz = "Europe/London", CreditGrade grade = CreditGrade.B, string? country = null) =>
        new("ap@debtor.example", ["cfo@debtor.example"], "Alex", NoticeLanguage.English, tz, country, grade);

    public static CustomerAccount Account(ContactDetails contact, params LedgerItem[] items) =>
        new(new AccountKey("default", "K-1"), "Debtor Ltd", contact, items);

    public static SnapshotApplied Snapshot(string asOf, ContactDetails contact, params LedgerItem[] items) =>
        new(D(asOf), "Debtor Ltd", contact, items, $"ledger_{asOf}.csv", "sha-" + asOf) { Actor = "ledger" };

    /// <summary>Opens a case with a snapshot applied at its as-of date 00:00 UTC.</summary>
    public static CaseTransition Open(string asOf, ContactDetails contact, DunningPolicy? policy = null, params LedgerItem[] items) =>
        CaseMachine.Apply(CaseState.New("case-1", new AccountKey("default", "K-1"), Midnight(asOf)), Snapshot(asOf, contact, items), Midnight(asOf), policy ?? DunningPolicy.Default);

    public static CaseTransition Must(this CaseTransition t)
    {
        Assert.True(t.Accepted, t.Rejection);
        return t;
    }

    public static IEnumerable<SendNotice> Notices(this CaseTransition t) => t.Effects.OfType<SendNotice>();

    /// <summary>
    /// Fires the case's timers in order until <paramref name="until"/>, applying the scheduled events at
    /// their instants, the way the engine does. Returns every effect with the instant it was produced.
    /// </summary>
    public static (CaseState State, List<(DateTimeOffset At, CaseEffect Effect)> Log) Drive(
        CaseState state,
        DateTimeOffset until,
        DunningPolicy? policy = null,
        params (DateTimeOffset At, CaseEvent Event)[] events)
    {
        policy ??= DunningPolicy.Default;
        var log = new List<(DateTimeOffset, CaseEffect)>();
        var queue = new List<(DateTimeOffset At, CaseEvent Event)>(events.OrderBy(e => e.At));
        for (var guard = 0; guard < 10_000; guard++)
        {
            var timer = state.Next?.At;
            var nextEvent = queue.Count > 0 ? queue[0].At : (DateTimeOffset?)null;
            DateTimeOffset at;
            CaseEvent evt;
            if (nextEvent is { } e && (timer is null || e <= timer))
            {
                at = e;
                evt = queue[0].Event;
                queue.RemoveAt(0);
            }
            else if (timer is { } t)
            {
                at = t;
                evt = new TimerDue();
            }
            else
            {
                break;
            }

            if (at > until)
            {
                break;
            }

            var transition = CaseMachine.Apply(state, evt, at, policy);
            Assert.True(transition.Accepted, $"{evt.GetType().Name} at {at:O}: {transition.Rejection}");
            log.AddRange(transition.Effects.Select(x => (at, x)));
            state = transition.State;
        }

        return (state, log);
    }

    /// <summary>The notices sent, as "Kind@instant-in-debtor-offset" strings, for compact assertions.</summary>
    public static List<string> Sent(this List<(DateTimeOffset At, CaseEffect Effect)> log, string tz) =>
        log.Where(x => x.Effect is SendNotice)
            .Select(x => (SendNotice)x.Effect)
            .Select(n => $"{n.Kind}@{TimeZoneInfo.ConvertTime(n.At, TimeZoneInfo.FindSystemTimeZoneById(tz)).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)}")
            .ToList();

    public static List<TimelineEntry> Entries(this List<(DateTimeOffset At, CaseEffect Effect)> log) =>
        log.Select(x => x.Effect).OfType<AppendTimeline>().Select(a => a.Entry).ToList();

    public static DunningPolicy ParsePolicy(string json) =>
        PolicyLoader.Parse(json).Policy ?? throw new InvalidOperationException(string.Join("; ", PolicyLoader.Parse(json).Errors));

    public static string DefaultPolicyJson(string calendars) =>
        $$"""
        {
          "ladders": {
            "A": { "escalationRequiresApproval": true, "steps": { "Reminder": 3, "Demand": 21, "FinalNotice": 45, "Escalation": 90 } },
            "B": { "steps": { "Reminder": 1, "Demand": 15, "FinalNotice": 30, "Escalation": 60 } },
            "C": { "steps": { "Reminder": 1, "Demand": 10, "FinalNotice": 20, "Escalation": 45 } },
            "D": { "steps": { "Demand": 1, "FinalNotice": 10, "Escalation": 30 } }
          },
          "calendars": {{calendars}}
        }
        """;
}
