using System.Collections.Immutable;
using System.Globalization;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Queries;

namespace Collections.Pipeline.Tests.Queries;

/// <summary>
/// A hand-built quarter (period 2026-07-01 .. 2026-09-30, EUR and USD) whose KPIs are computed by hand in
/// KpiCalculatorTests. Cases:
/// <code>
/// A (EUR, open)    : A1 due 06-01 open 1000 before the period (30 days at 07-01 -> 1-30); paid 400 on 07-15, settled on 08-10
///                    A2 due 07-20 open 500, seen 07-01; never paid (overdue from 07-21 -> arises in 1-30)
/// B (EUR, written) : B1 due 03-01 open 2000 before the period (122 days at 07-01 -> 90+); written off 09-10 (open 2000)
/// C (USD, resolved): C1 due 06-20 open 300 seen 06-25 (11 days at 07-01 -> 1-30); settled 07-05; resolved 07-05 after a Reminder
/// D (EUR, open)    : D1 due 09-15 open 700 first seen 09-20 already overdue (5 days -> 1-30); not paid
/// E (EUR, open)    : E1 due 10-15 open 900, not due by 09-30 (not in any recovery base)
/// </code>
/// </summary>
internal static class KpiFixture
{
    public static readonly KpiPeriod Period = new(D("2026-07-01"), D("2026-09-30"));

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static IReadOnlyList<KpiCaseData> AllCases()
    {
        var a = State("A", "EUR", T("2026-06-01T00:00:00Z"), [Item("A2", "2026-07-20", 500m, "EUR")], asOf: "2026-09-30") with
        {
            StepsTaken = ImmutableDictionary<CaseStage, DateTimeOffset>.Empty.Add(CaseStage.Reminder, T("2026-07-02T08:00:00Z")),
            Stage = CaseStage.Reminder,
        };
        var aTimeline = new List<TimelineEntry>
        {
            Added("2026-06-01", "A1", "2026-06-01", 1000m, "EUR"),
            Added("2026-07-01", "A2", "2026-07-20", 500m, "EUR"),
            Partial("2026-07-15", "A1", "2026-06-01", 600m, "EUR"),
            Settled("2026-08-10", "A1", "2026-06-01", 600m, "EUR"),
            new(T("2026-07-02T08:00:00Z"), TimelineType.NoticeSent, CaseStage.Reminder, NoticeKind.Reminder),
            new(T("2026-07-03T09:00:00Z"), TimelineType.PromiseRecorded, Actor: "operator:x"),
            new(T("2026-07-20T00:00:00Z"), TimelineType.PromiseKept),
            new(T("2026-08-12T09:00:00Z"), TimelineType.PromiseRecorded, Actor: "operator:x"),
            new(T("2026-08-25T00:00:00Z"), TimelineType.PromiseBroken),
            new(T("2026-06-20T00:00:00Z"), TimelineType.PromiseKept), // before the period: not counted
        };
        var aOutbox = new List<OutboxEntry>
        {
            // due Thu 07-02 08:00, sent the same day: timely
            new OutboxEntry("A", "o1", NoticeKind.Reminder, T("2026-07-02T08:00:00Z"), 1) { Status = OutboxStatus.Sent, SentAt = T("2026-07-02T08:00:05Z") },
            // due Fri 07-24 08:00, sent Tue 07-28: deadline is Mon 07-27 08:00 (one business day), so late
            new OutboxEntry("A", "o2", NoticeKind.Demand, T("2026-07-24T08:00:00Z"), 2) { Status = OutboxStatus.Sent, SentAt = T("2026-07-28T08:00:00Z") },
            // a receipt is not a ladder step; a cancelled step is not judged
            new OutboxEntry("A", "o3", NoticeKind.Receipt, T("2026-08-10T08:00:00Z"), 3) { Status = OutboxStatus.Sent, SentAt = T("2026-08-20T08:00:00Z") },
            new OutboxEntry("A", "o4", NoticeKind.FinalNotice, T("2026-08-11T08:00:00Z"), 4) { Status = OutboxStatus.Cancelled },
            // still pending on Wed 09-30 08:00, now is 10-01 12:00: deadline Thu 10-01 08:00 passed -> judged, late
            new OutboxEntry("A", "o5", NoticeKind.FinalNotice, T("2026-09-30T08:00:00Z"), 5) { Status = OutboxStatus.Pending },
        };

        var b = State("B", "EUR", T("2026-03-01T00:00:00Z"), [Item("B1", "2026-03-01", 2000m, "EUR")], asOf: "2026-09-10") with
        {
            Stage = CaseStage.WrittenOff, ClosedAt = T("2026-09-10T10:00:00Z"), CloseReason = "insolvent",
        };
        var bTimeline = new List<TimelineEntry>
        {
            Added("2026-03-01", "B1", "2026-03-01", 2000m, "EUR"),
            new(T("2026-09-10T10:00:00Z"), TimelineType.WrittenOff, CaseStage.WrittenOff, Reason: "insolvent",
                // 2600 open at the write-off, of which 2000 overdue and undisputed (600 in dispute): only 2000 is bad debt.
                Data: new Dictionary<string, string>(StringComparer.Ordinal) { ["open.EUR"] = "2600.00", ["overdue.EUR"] = "2000.00" }),
            new(T("2026-08-01T08:00:00Z"), TimelineType.NoticeSent, CaseStage.FinalNotice, NoticeKind.FinalNotice),
        };

        var c = State("C", "USD", T("2026-06-25T00:00:00Z"), [], asOf: "2026-07-05") with
        {
            Stage = CaseStage.Resolved, ClosedAt = T("2026-07-05T00:00:00Z"),
            StepsTaken = ImmutableDictionary<CaseStage, DateTimeOffset>.Empty.Add(CaseStage.Reminder, T("2026-06-26T08:00:00Z")),
        };
        var cTimeline = new List<TimelineEntry>
        {
            Added("2026-06-25", "C1", "2026-06-20", 300m, "USD"),
            Settled("2026-07-05", "C1", "2026-06-20", 300m, "USD"),
            new(T("2026-07-05T08:00:00Z"), TimelineType.NoticeSent, CaseStage.Resolved, NoticeKind.Receipt),
        };

        var d = State("D", "EUR", T("2026-09-20T00:00:00Z"), [Item("D1", "2026-09-15", 700m, "EUR")], asOf: "2026-09-20");
        var dTimeline = new List<TimelineEntry> { Added("2026-09-20", "D1", "2026-09-15", 700m, "EUR") };

        var e = State("E", "EUR", T("2026-09-01T00:00:00Z"), [Item("E1", "2026-10-15", 900m, "EUR")], asOf: "2026-09-30") with { WasOverdue = false };
        var eTimeline = new List<TimelineEntry> { Added("2026-09-01", "E1", "2026-10-15", 900m, "EUR") };

        return
        [
            new KpiCaseData(a, aTimeline, aOutbox),
            new KpiCaseData(b, bTimeline, []),
            new KpiCaseData(c, cTimeline, []),
            new KpiCaseData(d, dTimeline, []),
            new KpiCaseData(e, eTimeline, []),
        ];
    }

    /// <summary>Entity "x": 06-30 (opening), 07-31, 09-30 (closing); entity "y" only at 09-30. EUR only.</summary>
    public static IReadOnlyList<SnapshotSummary> Summaries() =>
    [
        Summary("x", "2026-06-30", receivables: 10000m, current: 4000m, creditSales: 0m),
        Summary("x", "2026-07-31", receivables: 9000m, current: 3000m, creditSales: 5000m),
        Summary("x", "2026-09-30", receivables: 8000m, current: 5000m, creditSales: 7000m),
        Summary("y", "2026-09-30", receivables: 1000m, current: 1000m, creditSales: 1000m),
        Summary("x", "2026-10-31", receivables: 1m, current: 1m, creditSales: 99999m), // after the period: ignored
    ];

    private static SnapshotSummary Summary(string entity, string asOf, decimal receivables, decimal current, decimal creditSales) =>
        new(entity, D(asOf), "f-" + asOf, [new CurrencyTotals("EUR", receivables, current, receivables - current, 0m, creditSales,
            new Dictionary<string, decimal>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal))]);

    private static CaseState State(string id, string currency, DateTimeOffset created, LedgerItem[] items, string asOf) => new()
    {
        CaseId = id,
        Account = new AccountKey("x", "cust-" + id),
        CustomerName = "Customer " + id,
        Contact = new ContactDetails("ap@example.com", [], null, NoticeLanguage.English, "Europe/London", "GB", CreditGrade.B),
        Items = [.. items],
        AsOf = D(asOf),
        CreatedAt = created,
        LastUpdatedAt = created,
        WasOverdue = true,
        Stage = CaseStage.PreDue,
    };

    private static LedgerItem Item(string id, string due, decimal open, string currency) =>
        new(id, D(due).AddDays(-30), D(due), Currency.Parse(currency), open, open);

    private static TimelineEntry Added(string date, string invoice, string due, decimal open, string currency) =>
        Entry(TimelineType.ItemAdded, date, invoice, due, open, currency);

    private static TimelineEntry Partial(string date, string invoice, string due, decimal open, string currency) =>
        Entry(TimelineType.ItemPartiallyPaid, date, invoice, due, open, currency);

    private static TimelineEntry Settled(string date, string invoice, string due, decimal lastOpen, string currency) =>
        Entry(TimelineType.ItemSettled, date, invoice, due, lastOpen, currency);

    private static TimelineEntry Entry(TimelineType type, string date, string invoice, string due, decimal open, string currency) =>
        new(T(date + "T00:00:00Z"), type, Data: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invoiceId"] = invoice,
            ["currency"] = currency,
            ["open"] = open.ToString("F2", CultureInfo.InvariantCulture),
            ["dueDate"] = due,
        });
}
