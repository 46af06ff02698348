using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Every kept item of a parse, in chunks, each account's items chained in file order (an index to the
/// next one), plus the text they point at. <see cref="Materialise"/> turns one back into a domain
/// <see cref="LedgerItem"/> when its account is read. About 64 bytes an item instead of about 200 and
/// three objects. Hand-written: no served package keeps records unboxed this way.
/// </summary>
internal sealed class ItemStore
{
    private const int ChunkBits = 14;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<CompactItem[]> _items = [];
    private readonly List<int[]> _next = [];
    private readonly List<Currency> _currencies = [];
    private readonly List<string> _longValues = [];

    public ItemStore(CharArena arena) => Arena = arena;

    public CharArena Arena { get; }

    public int Count { get; private set; }

    /// <summary>The index of a currency in this store's table.</summary>
    public ushort CurrencyIndex(Currency currency)
    {
        for (var i = 0; i < _currencies.Count; i++)
        {
            if (_currencies[i] == currency)
            {
                return (ushort)i;
            }
        }

        _currencies.Add(currency);
        return checked((ushort)(_currencies.Count - 1));
    }

    /// <summary>Stores an optional value (a PO number) and returns its address (-1 for none).</summary>
    public int AddText(ReadOnlySpan<char> value)
    {
        if (value.Length <= CharArena.MaxValueLength)
        {
            return Arena.Add(value);
        }

        _longValues.Add(new string(value));
        return -1 - _longValues.Count;
    }

    /// <summary>Appends an item after <paramref name="previous"/> of the same account (-1 for its first) and returns its index.</summary>
    public int Add(in CompactItem item, int previous)
    {
        if (Count == _items.Count * ChunkSize)
        {
            // Only slots Add wrote are ever read: the chunks need not be cleared first.
            _items.Add(GC.AllocateUninitializedArray<CompactItem>(ChunkSize));
            _next.Add(GC.AllocateUninitializedArray<int>(ChunkSize));
        }

        var index = Count++;
        _items[index >> ChunkBits][index & (ChunkSize - 1)] = item;
        _next[index >> ChunkBits][index & (ChunkSize - 1)] = -1;
        if (previous >= 0)
        {
            _next[previous >> ChunkBits][previous & (ChunkSize - 1)] = index;
        }

        return index;
    }

    /// <summary>The item after <paramref name="index"/> in its account, or -1.</summary>
    public int Next(int index) => _next[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>The domain item at <paramref name="index"/>, with its provenance.</summary>
    public LedgerItem Materialise(int index, string fileName, string sha256)
    {
        ref readonly var item = ref _items[index >> ChunkBits][index & (ChunkSize - 1)];
        var po = item.Po switch
        {
            -1 => null,
            < -1 => _longValues[-2 - item.Po],
            _ => new string(Arena.Get(item.Po)),
        };
        return new LedgerItem(
            new string(InvoiceIdIndex.IdAt(Arena, item.InvoiceId)),
            DateOnly.FromDayNumber(item.InvoiceDay),
            DateOnly.FromDayNumber(item.DueDay),
            _currencies[item.Currency],
            item.Amount,
            item.OpenAmount,
            item.Disputed,
            po,
            new ItemProvenance(fileName, sha256, item.Row));
    }
}
