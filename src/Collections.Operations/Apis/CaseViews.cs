using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Queries;

namespace Collections.Operations.Apis;

/// <summary>Maps case state to the API's shapes. Balances are judged on the debtor's local date.</summary>
internal static class CaseViews
{
    /// <summary>Today in the debtor's time zone, never before the case's latest ledger as-of date.</summary>
    public static DateOnly BalanceDate(CaseState state, DateTimeOffset now)
    {
        var zone = state.Contact?.TimeZoneId is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return today < state.AsOf ? state.AsOf : today;
    }

    public static CaseSummaryDto Summary(CaseState state, DateTimeOffset now) => Summary(state, BalanceDate(state, now));

    public static CaseSummaryDto Summary(CaseState state, DateOnly date)
    {
        var balance = KpiCalculator.Balance(state, date);
        return new CaseSummaryDto
        {
            InstanceId = state.CaseId,
            RuntimeStatus = state.Status.ToString(),
            CustomStatus = state.Stage.ToString(),
            CreatedTime = state.CreatedAt,
            LastUpdatedTime = state.LastUpdatedAt,
            ClosedTime = state.ClosedAt,
            Entity = state.Account.Entity,
            CustomerId = state.Account.CustomerId,
            CustomerName = state.CustomerName,
            Grade = state.Contact?.Grade.ToString(),
            BalanceDate = balance.AsOf,
            Balances = [.. balance.Balances.Select(b => new BalanceDto(b.Currency.Code, b.Open, b.Overdue, b.Disputed))],
            DaysOverdue = balance.DaysOverdue,
            Bucket = balance.Bucket.ToLabel(),
            Light = balance.Light.ToLabel(),
            NextTimer = state.Next is { } n ? new NextTimerDto(n.Kind.ToString(), n.At, n.Stage?.ToString()) : null,
            DoNotContact = state.DoNotContact,
            FailureReason = state.FailureReason,
        };
    }

    public static CaseDetailDto Detail(CaseState state, DateTimeOffset now, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<OutboxEntry> outbox, EvidenceLinkDto? evidence)
    {
        var summary = Summary(state, now);
        var date = summary.BalanceDate;
        return new CaseDetailDto
        {
            Summary = summary,
            Contact = state.Contact is { } c
                ? new ContactDto(c.Email, c.CcEmails, c.ContactName, c.Language.ToCode(), c.TimeZoneId, c.Country, c.Grade.ToString())
                : null,
            LedgerAsOf = state.AsOf,
            Version = state.Version,
            Items = [.. state.Items.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).Select(i => new ItemDto(
                i.InvoiceId, i.InvoiceDate, i.DueDate, i.Currency.Code, i.Amount, i.OpenAmount, i.DaysPastDue(date),
                i.Disputed || state.DisputedInvoiceIds.Contains(i.InvoiceId), i.PoNumber,
                i.Provenance is { } p ? new ProvenanceDto(p.FileName, p.Sha256, p.Row) : null))],
            DisputedInvoiceIds = [.. state.DisputedInvoiceIds],
            Promise = state.Promise is { } pr ? new PromiseDto(pr.PromisedDate, pr.Amount.Amount, pr.Amount.Currency.Code, pr.RecordedAt, pr.EndsAt, pr.Kept) : null,
            Pause = state.Pause is { } pa ? new PauseDto(pa.Reason, pa.Since, pa.Until) : null,
            Approval = state.Approval is { } ap ? new ApprovalDto(ap.RequestedAt, ap.Decision.ToString(), ap.ReminderSent) : null,
            CreditHold = state.CreditHold,
            DisputeHold = state.DisputeHold,
            PromisesKept = state.PromisesKept,
            PromisesBroken = state.PromisesBroken,
            CloseReason = state.CloseReason,
            PlannedStep = state.PlannedStep is { } ps ? new NextTimerDto("Step", ps.At, ps.Stage.ToString()) : null,
            StepsTaken = state.StepsTaken.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(), kv => kv.Value, StringComparer.Ordinal),
            Timeline = [.. timeline.Select(e => new TimelineEntryDto(e.At, e.Type.ToString(), e.Stage?.ToString(), e.Notice?.ToString(), e.Reason, e.Actor, e.Data))],
            Deliveries = [.. outbox.Select(o => new DeliveryDto(o.Id, o.Kind.ToString(), o.Status.ToString(), o.DueAt, o.SentAt, o.Attempts, o.ProviderMessageId, o.Error))],
            Evidence = evidence,
        };
    }
}
