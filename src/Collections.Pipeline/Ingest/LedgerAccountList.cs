using System.Collections;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// The accounts of a valid file, each made when it is read: its items come out of the parse's compact
/// <see cref="ItemStore"/> as domain items then, stamped with the file's final digest. Reading the list
/// once (the dry-run report, apply) holds one account's items at a time, so a million-row file costs
/// its compact items, not a million domain objects. Each read makes new, equal objects.
/// </summary>
internal sealed class LedgerAccountList : IReadOnlyList<CustomerAccount>, IAccountKeys
{
    private readonly AccountBuilder[] _accounts;
    private readonly ContactDetails[] _contacts;
    private readonly ItemStore? _items;
    private readonly string _fileName;
    private readonly string _sha256;

    public LedgerAccountList(AccountBuilder[] accounts, ContactDetails[] contacts, ItemStore? items, string fileName, string sha256)
    {
        _accounts = accounts;
        _contacts = contacts;
        _items = items;
        _fileName = fileName;
        _sha256 = sha256;
    }

    public int Count => _accounts.Length;

    /// <inheritdoc/>
    public AccountKey KeyAt(int index) => _accounts[index].Key;

    public CustomerAccount this[int index]
    {
        get
        {
            var account = _accounts[index];
            var items = new LedgerItem[_items is null ? 0 : account.ItemCount];
            for (int i = 0, at = account.FirstItem; i < items.Length; i++, at = _items!.Next(at))
            {
                items[i] = _items!.Materialise(at, _fileName, _sha256);
            }

            return new CustomerAccount(account.Key, account.CustomerName, _contacts[index], items);
        }
    }

    public IEnumerator<CustomerAccount> GetEnumerator()
    {
        for (var i = 0; i < _accounts.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
