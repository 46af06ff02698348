using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>What the accumulator has established for one account: its first valid row, the first non-empty value of each contact field, its items.</summary>
internal sealed class AccountBuilder
{
    public AccountBuilder(in RowValues first)
    {
        Key = first.Slot.Key;
        FirstRow = first.Row;
        CustomerName = first.CustomerName;
        Email = first.Email;
        CcEmails = first.CcEmails;
        ContactName = first.ContactName;
        Language = first.Language;
        TimeZone = first.TimeZone;
        Country = first.Country;
        Grade = first.Grade;
    }

    public AccountKey Key { get; }

    public int FirstRow { get; }

    public string CustomerName { get; }

    public string Email { get; }

    /// <summary>Where a field got its value when a later row than the first gave it (created when needed).</summary>
    public Dictionary<LedgerField, int>? FirstRowOf { get; set; }

    /// <summary>The account's first and last item in the <see cref="ItemStore"/> (-1 for none), and how many.</summary>
    public int FirstItem { get; set; } = -1;

    public int LastItem { get; set; } = -1;

    public int ItemCount { get; set; }

#pragma warning disable SA1401, MA0069 // mutable fields passed by ref to Merge
    public IReadOnlyList<string>? CcEmails;
    public string? ContactName;
    public NoticeLanguage? Language;
    public string? TimeZone;
    public string? Country;
    public CreditGrade? Grade;
#pragma warning restore SA1401, MA0069
}
