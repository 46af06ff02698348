namespace Collections.Domain.Ledger;

/// <summary>An account as one ledger snapshot shows it: identity, contact details and open items.</summary>
public sealed record CustomerAccount(
    AccountKey Key,
    string CustomerName,
    ContactDetails Contact,
    IReadOnlyList<LedgerItem> Items);
