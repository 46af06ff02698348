using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// One account seen in a valid row: what its account-level columns last validated to (so the rows after
/// the first compare their cells instead of validating them again) and what the accumulator has
/// established for it. Found by the row's entity and customer id text, one per account.
/// </summary>
internal sealed class AccountSlot
{
    public AccountSlot(AccountKey key, EntityState entity)
    {
        Key = key;
        Entity = entity;
    }

    public AccountKey Key { get; }

    public EntityState Entity { get; }

    /// <summary>The accumulator's state of the account, from its first valid row on.</summary>
    public AccountBuilder? Builder { get; set; }

#pragma warning disable SA1401, MA0069 // memos are mutated in place
    /// <summary>
    /// The raw cells of the account-level columns of the last row whose every account-level memo was set
    /// from (or matched) that row, each prefixed by its length; null while a memo holds another row's text.
    /// </summary>
    public char[]? AccountCells;

    public ColumnMemo<string?> Name;
    public ColumnMemo<string?> Email;
    public ColumnMemo<IReadOnlyList<string>?> CcEmails;
    public ColumnMemo<string?> ContactName;
    public ColumnMemo<NoticeLanguage?> Language;
    public ColumnMemo<string?> TimeZone;
    public ColumnMemo<string?> Country;
    public ColumnMemo<CreditGrade?> Grade;
    public ColumnMemo<Currency?> Currency;
#pragma warning restore SA1401, MA0069
}
