using Collections.Domain.Cases;
using Collections.Domain.Ledger;

namespace Collections.Notices.Rendering;

/// <summary>
/// Everything needed to render one notice. Language and time zone come from <see cref="Contact"/>.
/// Kind-specific inputs are init properties: <see cref="Promise"/> for PromiseConfirmation,
/// <see cref="Dispute"/> for DisputeAcknowledgement, <see cref="CaseId"/> and <see cref="CaseLink"/> for
/// the internal kinds; <see cref="Deadline"/> optionally for Demand and FinalNotice.
/// </summary>
/// <param name="Kind">What to send.</param>
/// <param name="Account">The account (entity + customer id).</param>
/// <param name="CustomerName">The debtor's name as the ledger shows it.</param>
/// <param name="Contact">Recipients, language and IANA time zone.</param>
/// <param name="Items">The account's open items (the statement shows all of them).</param>
/// <param name="AsOf">The as-of date of the ledger snapshot the balances come from.</param>
/// <param name="SentAt">The instant the notice is sent; its date in the debtor's time zone is the letter date.</param>
public sealed record NoticeRequest(
    NoticeKind Kind,
    AccountKey Account,
    string CustomerName,
    ContactDetails Contact,
    IReadOnlyList<LedgerItem> Items,
    DateOnly AsOf,
    DateTimeOffset SentAt)
{
    /// <summary>
    /// The stage deadline. Demand: defaults to the sending date + <see cref="NoticeOptions.DemandPaymentDays"/>;
    /// FinalNotice: the date after which credit hold and legal referral apply, defaulting to the sending
    /// date + <see cref="NoticeOptions.FinalNoticeDays"/>. Ignored for other kinds.
    /// </summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Days a demand gives to pay (the policy's); defaults to <see cref="NoticeOptions.DemandPaymentDays"/>.</summary>
    public int? PaymentDays { get; init; }

    /// <summary>The promise being confirmed (PromiseConfirmation only).</summary>
    public PromiseDetails? Promise { get; init; }

    /// <summary>The dispute being acknowledged (DisputeAcknowledgement only); its invoices are shown as disputed.</summary>
    public DisputeDetails? Dispute { get; init; }

    /// <summary>Invoices disputed on the case (not flagged in the ledger); shown as disputed and left out of overdue.</summary>
    public IReadOnlySet<string>? DisputedInvoiceIds { get; init; }

    /// <summary>The case id (internal kinds).</summary>
    public string? CaseId { get; init; }

    /// <summary>Absolute http(s) link to the case in the operations view (internal kinds).</summary>
    public Uri? CaseLink { get; init; }

    /// <summary>The notice language (the contact's).</summary>
    public NoticeLanguage Language => Contact.Language;

    /// <summary>A request for an account as a ledger snapshot shows it.</summary>
    public static NoticeRequest ForAccount(NoticeKind kind, CustomerAccount account, DateOnly asOf, DateTimeOffset sentAt) =>
        new(kind, account.Key, account.CustomerName, account.Contact, account.Items, asOf, sentAt);
}
