using System.Globalization;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Templating;

namespace Collections.Notices.Rendering;

/// <summary>The template variables of one notice (docs/notices.md lists them): account, creditor, balances and the case's facts.</summary>
internal static class NoticeValues
{
    public static Dictionary<string, TemplateValue> Build(NoticeRequest request, CreditorOptions creditor, TimeZoneInfo zone)
    {
        var language = request.Language;
        var labels = NoticeLabels.For(language);
        var locale = creditor.For(language);
        var disputedIds = StatementItems.DisputedIds(request.DisputedInvoiceIds, request.Dispute is { } dispute ? [dispute.InvoiceIds] : []);

        var sentDate = NoticeFormat.LocalDate(request.SentAt, zone);
        // Judged on the day the ladder judges it (CaseBuilder.Today): the letter's date, never before the snapshot's as-of
        // date. An invoice that fell due after the last ledger is overdue in the letter as it is for the ladder.
        var balance = AccountBalance.Compute(request.Items, sentDate > request.AsOf ? sentDate : request.AsOf, disputedIds);
        string Date(DateOnly d) => NoticeFormat.Date(d, language);
        TemplateValue OptionalDate(DateOnly? d) => d is { } date ? TemplateValue.Plain(Date(date)) : TemplateValue.None;

        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal)
        {
            ["company_name"] = TemplateValue.Plain(locale.CompanyName),
            ["company_address"] = TemplateValue.Multiline(locale.Address.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()),
            ["customer_name"] = TemplateValue.Plain(request.CustomerName),
            ["customer_id"] = TemplateValue.Plain(request.Account.CustomerId),
            ["entity"] = TemplateValue.Plain(request.Account.Entity),
            ["salutation"] = TemplateValue.Plain(Salutation(request, labels)),
            ["sent_date"] = TemplateValue.Plain(Date(sentDate)),
            ["as_of_date"] = TemplateValue.Plain(Date(request.AsOf)),
            ["next_due_date"] = TemplateValue.Plain(balance.EarliestUpcomingDueDate is { } next ? Date(next) : labels.None),
            ["days_overdue"] = TemplateValue.Number(balance.DaysOverdue),
            ["total_open"] = TemplateValue.Plain(Totals(balance.Balances.Where(b => b.Open != 0m).Select(b => NoticeFormat.Amount(b.Open, b.Currency)), labels)),
            ["total_overdue"] = TemplateValue.Plain(Totals(balance.Balances.Where(b => b.Overdue > 0m).Select(b => NoticeFormat.Amount(b.Overdue, b.Currency)), labels)),
            ["contact_person"] = TemplateValue.Plain(locale.ContactPerson),
            ["contact_email"] = TemplateValue.Plain(creditor.ContactEmail),
            ["contact_phone"] = TemplateValue.Plain(creditor.ContactPhone),
            ["how_to_pay"] = PaymentInstructions.Render(creditor, balance, request.Account.CustomerId, language),
            ["statement"] = StatementRenderer.Render(request.Items, balance, i => StatementItems.IsDisputed(i, disputedIds), language),
        };

        var facts = request.Facts;
        values["reminder_sent"] = TemplateValue.Flag(facts.ReminderSentOn is not null);
        values["reminder_date"] = OptionalDate(facts.ReminderSentOn);
        values["demand_sent"] = TemplateValue.Flag(facts.DemandSentOn is not null);
        values["demand_date"] = OptionalDate(facts.DemandSentOn);
        values["final_notice_sent"] = TemplateValue.Flag(facts.FinalNoticeSentOn is not null);
        values["final_notice_date"] = OptionalDate(facts.FinalNoticeSentOn);
        values["final_notice_deadline"] = OptionalDate(facts.FinalNoticeDeadline);
        values["promise_broken"] = TemplateValue.Flag(facts.BrokenPromiseDate is not null);
        values["broken_promise_date"] = OptionalDate(facts.BrokenPromiseDate);
        values["broken_promise_amount"] = TemplateValue.Optional(facts.BrokenPromiseAmount is { } amount ? NoticeFormat.Amount(amount) : null);
        values["deadline_date"] = OptionalDate(facts.Deadline);
        values["payment_days"] = facts.PaymentDays is { } days ? TemplateValue.Number(days) : TemplateValue.None;
        values["final_notice_days"] = TemplateValue.Number(facts.FinalNoticeDays);
        values["credit_hold"] = TemplateValue.Flag(facts.OnCreditHold);
        values["legal_needs_approval"] = TemplateValue.Flag(facts.LegalReferralNeedsApproval);
        values["late_interest"] = TemplateValue.Flag(facts.LateInterestAnnualPercent is not null);
        values["late_interest_rate"] = TemplateValue.Optional(facts.LateInterestAnnualPercent is { } rate ? rate.ToString("0.###", CultureInfo.InvariantCulture) + "%" : null);

        switch (request.Kind)
        {
            case NoticeKind.PromiseConfirmation:
                values["promise_date"] = TemplateValue.Plain(Date(request.Promise!.Date));
                values["promise_amount"] = TemplateValue.Plain(NoticeFormat.Amount(request.Promise.Amount));
                break;
            case NoticeKind.DisputeAcknowledgement:
                values["disputed_invoices"] = TemplateValue.Plain(string.Join(labels.InvoiceListSeparator, request.Dispute!.InvoiceIds));
                values["dispute_reason"] = TemplateValue.Plain(request.Dispute.Reason.Trim());
                break;
            case NoticeKind.ApprovalReminder or NoticeKind.LegalHandoff:
                values["case_id"] = TemplateValue.Plain(request.CaseId!);
                values["case_link"] = TemplateValue.Plain(request.CaseLink!.AbsoluteUri);
                break;
        }

        return values;
    }

    private static string Salutation(NoticeRequest request, NoticeLabels labels)
    {
        if (request.Kind.IsInternal())
        {
            return labels.SalutationInternal;
        }

        return string.IsNullOrWhiteSpace(request.Contact.ContactName)
            ? string.Format(CultureInfo.InvariantCulture, labels.SalutationDefault, request.CustomerName)
            : string.Format(CultureInfo.InvariantCulture, labels.SalutationNamed, request.Contact.ContactName.Trim());
    }

    // "EUR 10.00", "EUR 10.00 and JPY 5", "EUR 10.00, JPY 5 and USD 1.00" (zh: "EUR 10.00、JPY 5").
    private static string Totals(IEnumerable<string> amounts, NoticeLabels labels)
    {
        var list = amounts.ToList();
        return list.Count switch
        {
            0 => labels.None,
            1 => list[0],
            _ => string.Join(labels.ListSeparator, list[..^1]) + labels.LastListSeparator + list[^1],
        };
    }
}
