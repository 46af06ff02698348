using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>One valid data row: whose account it is, what the row says about the account (null where a cell is empty: defaults apply later), and the item.</summary>
internal readonly record struct RowValues(
    int Row,
    AccountSlot Slot,
    string CustomerName,
    string Email,
    IReadOnlyList<string>? CcEmails,
    string? ContactName,
    NoticeLanguage? Language,
    string? TimeZone,
    string? Country,
    CreditGrade? Grade,
    CompactItem Item);
