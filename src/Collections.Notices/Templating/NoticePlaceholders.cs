using System.Collections.Frozen;
using Collections.Domain.Cases;

namespace Collections.Notices.Templating;

/// <summary>
/// Which variables a template of each kind and part may use, and which it must use. An override that
/// uses anything else, or leaves out a required one, is rejected at start-up. docs/notices.md lists them.
/// </summary>
public static class NoticePlaceholders
{
    /// <summary>Available to every kind.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "company_name", "company_address", "customer_name", "customer_id", "entity", "salutation", "sent_date", "as_of_date",
        "next_due_date", "days_overdue", "total_open", "total_overdue", "contact_person", "contact_email",
        "contact_phone", "statement", "how_to_pay",
    ];

    /// <summary>
    /// What the case's timeline records and the ladder will apply (domain.md section 4 rule 7), for every
    /// kind: flags are true/false, dates and amounts nil when they do not apply.
    /// </summary>
    public static readonly IReadOnlyList<string> Facts =
    [
        "reminder_sent", "reminder_date", "demand_sent", "demand_date", "final_notice_sent", "final_notice_date",
        "final_notice_deadline", "promise_broken", "broken_promise_date", "broken_promise_amount", "deadline_date",
        "payment_days", "final_notice_days", "credit_hold", "legal_needs_approval", "late_interest", "late_interest_rate",
    ];

    /// <summary>Multi-line blocks: allowed in the HTML and text bodies only, never in a subject.</summary>
    public static readonly IReadOnlyList<string> BodyOnly = ["statement", "how_to_pay", "company_address"];

    private static readonly string[] DunningSubject = ["company_name", "total_overdue", "days_overdue"];

    private static readonly FrozenDictionary<NoticeKind, string[]> Specific = new Dictionary<NoticeKind, string[]>
    {
        [NoticeKind.PromiseConfirmation] = ["promise_date", "promise_amount"],
        [NoticeKind.DisputeAcknowledgement] = ["disputed_invoices", "dispute_reason"],
        [NoticeKind.ApprovalReminder] = ["case_id", "case_link"],
        [NoticeKind.LegalHandoff] = ["case_id", "case_link"],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<NoticeKind, string[]> RequiredInBodies = new Dictionary<NoticeKind, string[]>
    {
        [NoticeKind.PreDue] = ["statement", "how_to_pay", "contact_email"],
        [NoticeKind.Reminder] = ["statement", "how_to_pay", "contact_email"],
        [NoticeKind.Demand] = ["statement", "how_to_pay", "contact_email", "deadline_date"],
        [NoticeKind.FinalNotice] = ["statement", "how_to_pay", "contact_email", "deadline_date"],
        [NoticeKind.Escalation] = ["statement", "how_to_pay", "contact_email"],
        [NoticeKind.Receipt] = ["statement", "contact_email"],
        [NoticeKind.PromiseConfirmation] = ["statement", "contact_email", "promise_date", "promise_amount"],
        [NoticeKind.DisputeAcknowledgement] = ["statement", "contact_email", "disputed_invoices"],
        [NoticeKind.ApprovalReminder] = ["statement", "case_link"],
        [NoticeKind.LegalHandoff] = ["statement", "case_link"],
    }.ToFrozenDictionary();

    /// <summary>The variables a part of a kind's template may use.</summary>
    public static IReadOnlySet<string> Allowed(NoticeKind kind, TemplatePart part)
    {
        var all = Common.Concat(Facts).Concat(Specific.GetValueOrDefault(kind, []));
        if (part == TemplatePart.Subject)
        {
            all = all.Except(BodyOnly, StringComparer.Ordinal);
        }

        return all.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The variables a part of a kind's template must use. Subjects name the creditor, and for Reminder,
    /// Demand, FinalNotice and Escalation also the amount and days overdue (domain.md section 5).
    /// </summary>
    public static IReadOnlySet<string> Required(NoticeKind kind, TemplatePart part) =>
        part == TemplatePart.Subject
            ? (kind.IsDunning() ? DunningSubject : ["company_name"]).ToFrozenSet(StringComparer.Ordinal)
            : RequiredInBodies[kind].ToFrozenSet(StringComparer.Ordinal);
}
