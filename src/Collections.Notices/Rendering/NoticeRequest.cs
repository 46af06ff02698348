using Collections.Domain.Cases;
using Collections.Domain.Ledger;

namespace Collections.Notices.Rendering;

/// <summary>
/// Everything needed to render one notice. Language and time zone come from <see cref="Contact"/>.
/// Kind-specific inputs are init properties: <see cref="Promise"/> for PromiseConfirmation,
/// <see cref="Dispute"/> for DisputeAcknowledgement, <see cref="CaseId"/> and <see cref="CaseLink"/> for
/// the internal kinds; <see cref="Facts"/> (with its deadline) for Demand and FinalNotice.
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
    /// What the case's timeline records and the ladder will apply (<see cref="NoticeFacts.Derive"/>): which
    /// earlier notices the text may refer to, the deadline, credit hold, late interest. Demand and FinalNotice
    /// need its <see cref="NoticeFacts.Deadline"/>; the default, <see cref="NoticeFacts.None"/>, refers to nothing earlier.
    /// </summary>
    public NoticeFacts Facts { get; init; } = NoticeFacts.None;

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
