using System.Globalization;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Groups valid rows into accounts and checks that rows of one account agree on its name and contact
/// details. Decision (documented in docs/ledger-format.md): the first non-empty value of a field wins;
/// an empty cell on a later row repeats it; a different non-empty value is an error, because the file
/// would otherwise be ambiguous about whom notices go to. Memory is one entry per account, plus the
/// items (about 64 bytes each, in an <see cref="ItemStore"/>) when items are kept.
/// </summary>
internal sealed class AccountAccumulator
{
    private readonly List<AccountBuilder> _accounts = [];
    private readonly HashSet<string> _entities = new(StringComparer.Ordinal);
    private readonly LedgerErrorList _errors;
    private readonly ItemStore? _items;

    public AccountAccumulator(LedgerErrorList errors, ItemStore? items)
    {
        _errors = errors;
        _items = items;
    }

    public int Count => _accounts.Count;

    public IEnumerable<string> Entities => _entities;

    public void Add(in RowValues record)
    {
        var account = record.Slot.Builder;
        if (account is null)
        {
            account = new AccountBuilder(record);
            record.Slot.Builder = account;
            _accounts.Add(account);
            _entities.Add(account.Key.Entity);
        }
        else
        {
            Check(record, account, LedgerField.CustomerName, account.CustomerName, record.CustomerName, StringComparison.Ordinal);
            Check(record, account, LedgerField.ContactEmail, account.Email, record.Email, StringComparison.OrdinalIgnoreCase);
            Merge(record, account, LedgerField.CcEmails, ref account.CcEmails, record.CcEmails, CcComparer.Instance, cc => string.Join(";", cc));
            Merge(record, account, LedgerField.ContactName, ref account.ContactName, record.ContactName, StringComparer.Ordinal, v => v);
            Merge(record, account, LedgerField.Language, ref account.Language, record.Language, EqualityComparer<NoticeLanguage?>.Default, v => v!.Value.ToCode());
            Merge(record, account, LedgerField.TimeZone, ref account.TimeZone, record.TimeZone, StringComparer.Ordinal, v => v);
            Merge(record, account, LedgerField.Country, ref account.Country, record.Country, StringComparer.Ordinal, v => v);
            Merge(record, account, LedgerField.CreditGrade, ref account.Grade, record.Grade, EqualityComparer<CreditGrade?>.Default, v => v!.Value.ToString());
        }

        if (_items is not null)
        {
            var index = _items.Add(record.Item, account.LastItem);
            if (account.FirstItem < 0)
            {
                account.FirstItem = index;
            }

            account.LastItem = index;
            account.ItemCount++;
        }
    }

    /// <summary>The accounts (ordered by entity, customer id) with defaults applied; each account's items are made when it is read.</summary>
    public IReadOnlyList<CustomerAccount> Build(string fileName, string sha256, MappingProfileDefaults defaults, IngestOptions options)
    {
        // Options were validated when the parser was built, so these parse.
        var defaultLanguage = NoticeLanguages.TryParse(options.DefaultLanguage, out var l) ? l : NoticeLanguage.English;
        var defaultZone = LedgerValues.TryResolveTimeZone(options.DefaultTimeZone, out var z) ? z : options.DefaultTimeZone;
        var ordered = _accounts.ToArray();
        Array.Sort(ordered, static (x, y) =>
        {
            var byEntity = string.CompareOrdinal(x.Key.Entity, y.Key.Entity);
            return byEntity != 0 ? byEntity : string.CompareOrdinal(x.Key.CustomerId, y.Key.CustomerId);
        });
        var contacts = Array.ConvertAll(ordered, a => new ContactDetails(
            a.Email,
            a.CcEmails ?? [],
            a.ContactName,
            a.Language ?? defaults.Language ?? defaultLanguage,
            a.TimeZone ?? defaults.TimeZone ?? defaultZone,
            a.Country ?? defaults.Country ?? options.DefaultCountry?.ToUpperInvariant(),
            a.Grade ?? defaults.Grade ?? options.DefaultGrade));
        return new LedgerAccountList(ordered, contacts, _items, fileName, sha256);
    }

    private void Check(in RowValues record, AccountBuilder account, LedgerField field, string established, string value, StringComparison comparison)
    {
        if (!string.Equals(established, value, comparison))
        {
            Inconsistent(record, field, value, account.FirstRow);
        }
    }

    private void Merge<T>(in RowValues record, AccountBuilder account, LedgerField field, ref T? established, T? value, IEqualityComparer<T?> comparer, Func<T, string> show)
    {
        if (value is null)
        {
            return;
        }

        if (established is null)
        {
            established = value;
            (account.FirstRowOf ??= [])[field] = record.Row;
        }
        else if (!comparer.Equals(established, value))
        {
            Inconsistent(record, field, show(value), account.FirstRowOf?.GetValueOrDefault(field, account.FirstRow) ?? account.FirstRow);
        }
    }

    private void Inconsistent(in RowValues record, LedgerField field, string value, int firstRow) =>
        _errors.Add(LedgerErrorCode.InconsistentAccount, record.Row, field, value,
            $"customer '{record.Slot.Key.CustomerId}' has a different {field.ToName()} in row {firstRow.ToString(CultureInfo.InvariantCulture)}; one account has one value");

    private sealed class CcComparer : IEqualityComparer<IReadOnlyList<string>?>
    {
        public static readonly CcComparer Instance = new();

        // Rows usually repeat the list in the same order (the same list when the cell repeats): compare as given before sorting both.
        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) =>
            x is not null && y is not null
            && (ReferenceEquals(x, y)
                || x.SequenceEqual(y, StringComparer.OrdinalIgnoreCase)
                || x.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(y.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase));

        public int GetHashCode(IReadOnlyList<string>? obj) => obj?.Count ?? 0;
    }
}
