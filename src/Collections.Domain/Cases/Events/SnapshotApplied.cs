using Collections.Domain.Ledger;

namespace Collections.Domain.Cases.Events;

/// <summary>A newer ledger snapshot for the account (balances may have changed). Also opens a new case.</summary>
public sealed record SnapshotApplied(DateOnly AsOf, string CustomerName, ContactDetails Contact, IReadOnlyList<LedgerItem> Items, string FileName, string Sha256) : CaseEvent;
