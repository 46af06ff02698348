using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;

namespace Collections.Pipeline.Queries;

/// <summary>
/// The KPIs of domain.md section 6 as pure functions of cases (state, timeline, outbox) and snapshot summaries.
/// Formulas, data sources and approximations are documented in docs/api.md.
/// </summary>
public static class KpiCalculator
{
    private static readonly CaseStage[] LadderStages = [CaseStage.PreDue, CaseStage.Reminder, CaseStage.Demand, CaseStage.FinalNotice, CaseStage.Escalated];

    /// <summary>Computes every KPI.</summary>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The date balances are judged on (the period's end, or today when that is earlier).</param>
    /// <param name="now">The current instant (steps whose deadline has not passed yet are not judged for timeliness).</param>
    /// <param name="cases">The entity's cases with their timelines and outboxes.</param>
    /// <param name="summaries">The entity's snapshot summaries: the opening one (latest at or before the period's start) and those in the period.</param>
    /// <param name="policy">The policy (business calendars).</param>
    public static KpiReport Compute(KpiPeriod period, DateOnly asOf, DateTimeOffset now, IReadOnlyList<KpiCaseData> cases, IReadOnlyList<SnapshotSummary> summaries, DunningPolicy policy)
    {
        var recovery = RecoveryCalculator.RecoveryRates(period, ItemMovements.From(cases));
        var open = OpenBalances(cases, asOf);
        return new KpiReport
        {
            Period = period,
            AsOf = asOf,
            Aging = Aging(open),
            Lights = Lights(open),
            RecoveryRates = recovery,
            BadDebtRates = RecoveryCalculator.BadDebtRates(period, cases, recovery),
            Dso = Dso(period, summaries),
            Cei = Cei(period, summaries),
            PromiseKeptRate = PromiseKeptRate(period, cases),
            CollectionTimeliness = CollectionTimeliness(period, now, cases, policy),
            AgreementRate = AgreementRate(period, cases),
            NoticesPerStage = NoticesPerStage(period, cases),
            ResolvedAtStage = ResolvedAtStage(period, cases),
        };
    }

    /// <summary>Open cases by account bucket and currency: accounts with a positive open balance, their open and overdue amounts.</summary>
    public static IReadOnlyList<AgingRow> Aging(IEnumerable<KpiCaseData> cases, DateOnly asOf) => Aging(OpenBalances(cases, asOf));

    /// <summary>Open cases by traffic light.</summary>
    public static LightCounts Lights(IEnumerable<KpiCaseData> cases, DateOnly asOf) => Lights(OpenBalances(cases, asOf));

    /// <summary>Ending receivables / (credit sales / days) per currency, from the snapshot summaries.</summary>
    public static IReadOnlyList<DsoRow> Dso(KpiPeriod period, IReadOnlyList<SnapshotSummary> summaries)
    {
        var closing = Closing(period, summaries);
        var sales = CreditSales(period, summaries);
        return [.. Currencies(closing, sales).Select(c => new DsoRow(c, Sum(closing, c, t => t.Receivables), sales.GetValueOrDefault(c), period.Days))];
    }

    /// <summary>(opening + credit sales - closing) / (opening + credit sales - closing current) x 100 per currency.</summary>
    public static IReadOnlyList<CeiRow> Cei(KpiPeriod period, IReadOnlyList<SnapshotSummary> summaries)
    {
        var opening = Latest(summaries.Where(s => s.AsOf <= period.From));
        var closing = Closing(period, summaries);
        var sales = CreditSales(period, summaries);
        return [.. Currencies(opening.Concat(closing), sales).Select(c => new CeiRow(
            c, Sum(opening, c, t => t.Receivables), sales.GetValueOrDefault(c), Sum(closing, c, t => t.Receivables), Sum(closing, c, t => t.Current)))];
    }

    /// <summary>Promises kept / (kept + broken), counting the PromiseKept and PromiseBroken timeline entries in the period.</summary>
    public static Ratio PromiseKeptRate(KpiPeriod period, IEnumerable<KpiCaseData> cases)
    {
        var entries = cases.SelectMany(c => c.Timeline).Where(e => period.Contains(e.At)).ToList();
        var kept = entries.Count(e => e.Type == TimelineType.PromiseKept);
        var broken = entries.Count(e => e.Type == TimelineType.PromiseBroken);
        return new Ratio(kept, kept + broken);
    }

    /// <summary>
    /// Ladder notices (pre-due to escalation) due in the period that went out within one business day of their
    /// due instant, over those due in the period (cancelled ones excluded; unsent ones count once their deadline passed).
    /// </summary>
    public static Ratio CollectionTimeliness(KpiPeriod period, DateTimeOffset now, IEnumerable<KpiCaseData> cases, DunningPolicy policy)
    {
        int timely = 0, judged = 0;
        foreach (var c in cases)
        {
            var calendar = policy.CalendarFor(c.State.Contact?.Country);
            foreach (var o in c.Outbox.Where(o => o.Kind is NoticeKind.PreDue || o.Kind.IsDunning()))
            {
                if (o.Status == OutboxStatus.Cancelled || !period.Contains(o.DueAt))
                {
                    continue;
                }

                var dueDay = DateOnly.FromDateTime(o.DueAt.UtcDateTime);
                var deadline = o.DueAt.AddDays(calendar.AddBusinessDays(dueDay, 1).DayNumber - dueDay.DayNumber);
                if (o.SentAt is { } sent && o.Status == OutboxStatus.Sent)
                {
                    judged++;
                    timely += sent <= deadline ? 1 : 0;
                }
                else if (deadline < now)
                {
                    judged++;
                }
            }
        }

        return new Ratio(timely, judged);
    }

    /// <summary>Cases overdue during the period (open at some time in it) with a promise recorded in the period, over those cases.</summary>
    public static Ratio AgreementRate(KpiPeriod period, IEnumerable<KpiCaseData> cases)
    {
        var overdue = cases.Where(c => c.State.WasOverdue
            && DateOnly.FromDateTime(c.State.CreatedAt.UtcDateTime) <= period.To
            && (c.State.ClosedAt is not { } closed || DateOnly.FromDateTime(closed.UtcDateTime) >= period.From)).ToList();
        var agreed = overdue.Count(c => c.Timeline.Any(e => e.Type == TimelineType.PromiseRecorded && period.Contains(e.At)));
        return new Ratio(agreed, overdue.Count);
    }

    /// <summary>Notices sent in the period (NoticeSent timeline entries) per notice kind.</summary>
    public static IReadOnlyList<StageCount> NoticesPerStage(KpiPeriod period, IEnumerable<KpiCaseData> cases) =>
        [.. cases.SelectMany(c => c.Timeline)
            .Where(e => e.Type == TimelineType.NoticeSent && e.Notice is not null && period.Contains(e.At))
            .GroupBy(e => e.Notice!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new StageCount(g.Key.ToString(), g.Count()))];

    /// <summary>Cases resolved (paid) in the period, by the highest ladder stage taken before; <c>None</c> when no step was.</summary>
    public static IReadOnlyList<StageCount> ResolvedAtStage(KpiPeriod period, IEnumerable<KpiCaseData> cases) =>
        [.. cases.Where(c => c.State.Stage == CaseStage.Resolved && c.State.ClosedAt is { } at && period.Contains(at))
            .Select(c => LadderStages.Where(c.State.StepsTaken.ContainsKey).Select(s => (CaseStage?)s).LastOrDefault())
            .GroupBy(s => s)
            .OrderBy(g => g.Key ?? (CaseStage)(-1))
            .Select(g => new StageCount(g.Key?.ToString() ?? "None", g.Count()))];

    /// <summary>The account's balances on a date, with the case's disputes, never before its latest snapshot.</summary>
    /// <remarks>
    /// Stored items whose amounts cannot be summed (beyond the ingest limit, written before it existed) are read
    /// with each open amount capped at the ingest limit, so no stored value makes the overview or KPIs fail.
    /// </remarks>
    public static AccountBalance Balance(CaseState state, DateOnly asOf)
    {
        var date = asOf < state.AsOf ? state.AsOf : asOf;
        try
        {
            return AccountBalance.Compute(state.Items, date, state.DisputedInvoiceIds);
        }
        catch (OverflowException)
        {
            var capped = state.Items.Select(i => i with
            {
                Amount = Math.Clamp(i.Amount, -Ingest.LedgerValues.MaxAmount, Ingest.LedgerValues.MaxAmount),
                OpenAmount = Math.Clamp(i.OpenAmount, -Ingest.LedgerValues.MaxAmount, Ingest.LedgerValues.MaxAmount),
            });
            return AccountBalance.Compute(capped, date, state.DisputedInvoiceIds);
        }
    }

    // Aging and Lights read the same balances; Compute builds them once for both.
    private static List<AccountBalance> OpenBalances(IEnumerable<KpiCaseData> cases, DateOnly asOf) =>
        [.. cases.Where(c => !c.State.IsClosed).Select(c => Balance(c.State, asOf))];

    private static IReadOnlyList<AgingRow> Aging(List<AccountBalance> open)
    {
        var rows = new SortedDictionary<(string Currency, AgingBucket Bucket), AgingRow>();
        foreach (var balance in open)
        {
            foreach (var b in balance.Balances.Where(b => b.Open > 0m))
            {
                var key = (b.Currency.Code, balance.Bucket);
                var row = rows.GetValueOrDefault(key) ?? new AgingRow(b.Currency.Code, balance.Bucket.ToLabel(), 0, 0m, 0m);
                rows[key] = row with { Accounts = row.Accounts + 1, Open = SafeMoney.Add(row.Open, b.Open), Overdue = SafeMoney.Add(row.Overdue, b.Overdue) };
            }
        }

        return [.. rows.Values];
    }

    private static LightCounts Lights(List<AccountBalance> open) =>
        new(open.Count(b => b.Light == TrafficLight.Green), open.Count(b => b.Light == TrafficLight.Yellow), open.Count(b => b.Light == TrafficLight.Red));

    private static List<SnapshotSummary> Closing(KpiPeriod period, IReadOnlyList<SnapshotSummary> summaries) =>
        Latest(summaries.Where(s => s.AsOf <= period.To));

    private static List<SnapshotSummary> Latest(IEnumerable<SnapshotSummary> summaries) =>
        [.. summaries.GroupBy(s => s.Entity, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.AsOf)!)];

    private static SortedDictionary<string, decimal> CreditSales(KpiPeriod period, IReadOnlyList<SnapshotSummary> summaries)
    {
        var sales = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var t in summaries.Where(s => s.AsOf > period.From && s.AsOf <= period.To).SelectMany(s => s.Currencies))
        {
            sales[t.Currency] = SafeMoney.Add(sales.GetValueOrDefault(t.Currency), t.CreditSales);
        }

        return sales;
    }

    private static decimal Sum(IEnumerable<SnapshotSummary> summaries, string currency, Func<CurrencyTotals, decimal> pick) =>
        SafeMoney.Sum(summaries.SelectMany(s => s.Currencies).Where(t => string.Equals(t.Currency, currency, StringComparison.Ordinal)), pick);

    private static IEnumerable<string> Currencies(IEnumerable<SnapshotSummary> summaries, SortedDictionary<string, decimal> sales) =>
        summaries.SelectMany(s => s.Currencies).Select(t => t.Currency).Concat(sales.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
