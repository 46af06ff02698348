using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>One valid data row: whose account it is, what the row says about the account, and the item.</summary>
internal sealed record LedgerRecord(int Row, AccountKey Key, string CustomerName, RowContact Contact, LedgerItem Item);
