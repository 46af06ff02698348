using System.Globalization;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Groups valid rows into accounts and checks that rows of one account agree on its name and contact
/// details. Decision (documented in docs/ledger-format.md): the first non-empty value of a field wins;
/// an empty cell on a later row repeats it; a different non-empty value is an error, because the file
/// would otherwise be ambiguous about whom notices go to. Memory is one entry per account, plus the
/// items when <c>keepItems</c> is set.
/// </summary>
internal sealed class AccountAccumulator
{
    private readonly Dictionary<AccountKey, Builder> _accounts = [];
    private readonly LedgerErrorList _errors;
    private readonly bool _keepItems;

    public AccountAccumulator(LedgerErrorList errors, bool keepItems)
    {
        _errors = errors;
        _keepItems = keepItems;
    }

    public int Count => _accounts.Count;

    public IEnumerable<string> Entities => _accounts.Keys.Select(k => k.Entity).Distinct(StringComparer.Ordinal);

    public void Add(LedgerRecord record)
    {
        if (!_accounts.TryGetValue(record.Key, out var account))
        {
            account = new Builder(record);
            _accounts.Add(record.Key, account);
        }
        else
        {
            var c = record.Contact;
            var first = account.First;
            Check(record, account, LedgerField.CustomerName, first.CustomerName, record.CustomerName, StringComparison.Ordinal);
            Check(record, account, LedgerField.ContactEmail, first.Contact.Email, c.Email, StringComparison.OrdinalIgnoreCase);
            Merge(record, account, LedgerField.CcEmails, ref account.CcEmails, c.CcEmails, CcComparer.Instance, cc => string.Join(";", cc));
            Merge(record, account, LedgerField.ContactName, ref account.ContactName, c.ContactName, StringComparer.Ordinal, v => v);
            Merge(record, account, LedgerField.Language, ref account.Language, c.Language, EqualityComparer<NoticeLanguage?>.Default, v => v!.Value.ToCode());
            Merge(record, account, LedgerField.TimeZone, ref account.TimeZone, c.TimeZone, StringComparer.Ordinal, v => v);
            Merge(record, account, LedgerField.Country, ref account.Country, c.Country, StringComparer.Ordinal, v => v);
            Merge(record, account, LedgerField.CreditGrade, ref account.Grade, c.Grade, EqualityComparer<CreditGrade?>.Default, v => v!.Value.ToString());
        }

        if (_keepItems)
        {
            account.Items.Add(record.Item);
        }
    }

    /// <summary>Builds the accounts (ordered by entity, customer id), applying defaults and stamping the digest.</summary>
    public IReadOnlyList<CustomerAccount> Build(string sha256, MappingProfileDefaults defaults, IngestOptions options)
    {
        // Options were validated when the parser was built, so these parse.
        var defaultLanguage = NoticeLanguages.TryParse(options.DefaultLanguage, out var l) ? l : NoticeLanguage.English;
        var defaultZone = LedgerValues.TryResolveTimeZone(options.DefaultTimeZone, out var z) ? z : options.DefaultTimeZone;
        var result = new List<CustomerAccount>(_accounts.Count);
        foreach (var (key, a) in _accounts.OrderBy(p => p.Key.Entity, StringComparer.Ordinal).ThenBy(p => p.Key.CustomerId, StringComparer.Ordinal))
        {
            var contact = new ContactDetails(
                a.First.Contact.Email,
                a.CcEmails ?? [],
                a.ContactName,
                a.Language ?? defaults.Language ?? defaultLanguage,
                a.TimeZone ?? defaults.TimeZone ?? defaultZone,
                a.Country ?? defaults.Country ?? options.DefaultCountry?.ToUpperInvariant(),
                a.Grade ?? defaults.Grade ?? options.DefaultGrade);
            IReadOnlyList<LedgerItem> items = a.Items.TrueForAll(i => string.Equals(i.Provenance?.Sha256, sha256, StringComparison.Ordinal))
                ? a.Items
                : a.Items.ConvertAll(i => i with { Provenance = i.Provenance! with { Sha256 = sha256 } });
            result.Add(new CustomerAccount(key, a.First.CustomerName, contact, items));
        }

        return result;
    }

    private void Check(LedgerRecord record, Builder account, LedgerField field, string established, string value, StringComparison comparison)
    {
        if (!string.Equals(established, value, comparison))
        {
            Inconsistent(record, field, value, account.First.Row);
        }
    }

    private void Merge<T>(LedgerRecord record, Builder account, LedgerField field, ref T? established, T? value, IEqualityComparer<T?> comparer, Func<T, string> show)
    {
        if (value is null)
        {
            return;
        }

        if (established is null)
        {
            established = value;
            account.FirstRowOf[field] = record.Row;
        }
        else if (!comparer.Equals(established, value))
        {
            Inconsistent(record, field, show(value), account.FirstRowOf.GetValueOrDefault(field, account.First.Row));
        }
    }

    private void Inconsistent(LedgerRecord record, LedgerField field, string value, int firstRow) =>
        _errors.Add(LedgerErrorCode.InconsistentAccount, record.Row, field, value,
            $"customer '{record.Key.CustomerId}' has a different {field.ToName()} in row {firstRow.ToString(CultureInfo.InvariantCulture)}; one account has one value");

    private sealed class Builder
    {
        public Builder(LedgerRecord first)
        {
            First = first;
            CcEmails = first.Contact.CcEmails;
            ContactName = first.Contact.ContactName;
            Language = first.Contact.Language;
            TimeZone = first.Contact.TimeZone;
            Country = first.Contact.Country;
            Grade = first.Contact.Grade;
        }

        public LedgerRecord First { get; }

        public Dictionary<LedgerField, int> FirstRowOf { get; } = [];

        public List<LedgerItem> Items { get; } = [];

#pragma warning disable SA1401, MA0069 // mutable fields passed by ref to Merge
        public IReadOnlyList<string>? CcEmails;
        public string? ContactName;
        public NoticeLanguage? Language;
        public string? TimeZone;
        public string? Country;
        public CreditGrade? Grade;
#pragma warning restore SA1401, MA0069
    }

    private sealed class CcComparer : IEqualityComparer<IReadOnlyList<string>?>
    {
        public static readonly CcComparer Instance = new();

        // Rows usually repeat the list in the same order: compare as given before sorting both.
        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) =>
            x is not null && y is not null
            && (x.SequenceEqual(y, StringComparer.OrdinalIgnoreCase)
                || x.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(y.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase));

        public int GetHashCode(IReadOnlyList<string>? obj) => obj?.Count ?? 0;
    }
}
