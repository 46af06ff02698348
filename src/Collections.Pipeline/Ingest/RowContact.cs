using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>Contact values exactly as one row gives them; null where the cell is empty (defaults apply later).</summary>
internal sealed record RowContact(
    string Email,
    IReadOnlyList<string>? CcEmails,
    string? ContactName,
    NoticeLanguage? Language,
    string? TimeZone,
    string? Country,
    CreditGrade? Grade);
