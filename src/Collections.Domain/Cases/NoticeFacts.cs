using System.Globalization;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;

namespace Collections.Domain.Cases;

/// <summary>
/// What a notice may say about its case (domain.md section 4 rule 7): the earlier notices and promises the
/// case's timeline records, and the deadline and consequences the ladder will actually apply. Derived by
/// <see cref="Derive"/> from the case state and timeline; the renderer states nothing beyond these facts.
/// Dates are calendar dates in the debtor's time zone.
/// </summary>
public sealed record NoticeFacts
{
    /// <summary>No earlier notices, no deadline: what a notice may say about a case with no history.</summary>
    public static NoticeFacts None { get; } = new();

    /// <summary>The day the last friendly reminder of this case was sent, if one was.</summary>
    public DateOnly? ReminderSentOn { get; init; }

    /// <summary>The day the demand letter of this case was sent, if one was.</summary>
    public DateOnly? DemandSentOn { get; init; }

    /// <summary>The day the final notice of this case was sent, if one was.</summary>
    public DateOnly? FinalNoticeSentOn { get; init; }

    /// <summary>The deadline the sent final notice stated, if one was sent.</summary>
    public DateOnly? FinalNoticeDeadline { get; init; }

    /// <summary>The promised date of the last promise the debtor broke on this case, if any.</summary>
    public DateOnly? BrokenPromiseDate { get; init; }

    /// <summary>The amount of the last broken promise, if any.</summary>
    public Money? BrokenPromiseAmount { get; init; }

    /// <summary>This notice's deadline: Demand, its date + the policy's payment days; FinalNotice, its date + the policy's final-notice days.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Days this notice gives to pay (Demand and FinalNotice).</summary>
    public int? PaymentDays { get; init; }

    /// <summary>Days the final notice will give (stated by a Demand when describing what follows).</summary>
    public int FinalNoticeDays { get; init; } = 7;

    /// <summary>The account is on credit hold now.</summary>
    public bool OnCreditHold { get; init; }

    /// <summary>Referral to legal needs an operator's approval (grade A): a notice may say "may be referred", not "will be".</summary>
    public bool LegalReferralNeedsApproval { get; init; }

    /// <summary>Late-payment interest in percent a year when the policy sets it; null when it does not.</summary>
    public decimal? LateInterestAnnualPercent { get; init; }

    /// <summary>
    /// The facts for a notice of <paramref name="kind"/> sent now on the case: earlier notices are the
    /// <see cref="TimelineType.NoticeSent"/> entries of the timeline (suppressed, failed or deferred ones
    /// were not received and are never mentioned); the deadline is <see cref="CaseDeadlines"/>'s, the one
    /// the state machine acts on.
    /// </summary>
    public static NoticeFacts Derive(CaseState state, IEnumerable<TimelineEntry> timeline, NoticeKind kind, DunningPolicy policy)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(state.Contact?.TimeZoneId ?? "UTC");
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var entries = timeline.OrderBy(e => e.At).ToList();
        DateOnly? LastSent(NoticeKind k) =>
            entries.LastOrDefault(e => e.Type == TimelineType.NoticeSent && e.Notice == k) is { } e ? Local(e.At) : null;

        var broken = entries.LastOrDefault(e => e.Type == TimelineType.PromiseBroken);
        var timings = policy.Timings;
        var finalNoticeSent = LastSent(NoticeKind.FinalNotice);
        return new NoticeFacts
        {
            ReminderSentOn = LastSent(NoticeKind.Reminder),
            DemandSentOn = LastSent(NoticeKind.Demand),
            FinalNoticeSentOn = finalNoticeSent,
            FinalNoticeDeadline = finalNoticeSent is null ? null : CaseDeadlines.FinalNotice(state, policy),
            BrokenPromiseDate = broken?.Data?.GetValueOrDefault("promisedDate") is { } d
                && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            BrokenPromiseAmount = BrokenAmount(broken),
            Deadline = kind switch
            {
                NoticeKind.Demand => CaseDeadlines.Demand(state, policy),
                NoticeKind.FinalNotice => CaseDeadlines.FinalNotice(state, policy),
                _ => null,
            },
            PaymentDays = kind switch
            {
                NoticeKind.Demand => timings.DemandPaymentDays,
                NoticeKind.FinalNotice => timings.FinalNoticeDeadlineDays,
                _ => null,
            },
            FinalNoticeDays = timings.FinalNoticeDeadlineDays,
            OnCreditHold = state.CreditHold,
            LegalReferralNeedsApproval = state.Contact is { } contact && policy.LadderFor(contact.Grade).EscalationRequiresApproval,
            LateInterestAnnualPercent = timings.LateInterestAnnualPercent,
        };
    }

    private static Money? BrokenAmount(TimelineEntry? broken) =>
        broken?.Data is { } data
        && data.TryGetValue("amount", out var amount)
        && data.TryGetValue("currency", out var code)
        && Currency.TryParse(code, out var currency)
        && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? new Money(value, currency.Value)
            : null;
}
