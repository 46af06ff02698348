namespace Collections.Pipeline.Ingest;

/// <summary>One entity of a file: its accounts by customer id (looked up by the cell's characters) and its invoice ids.</summary>
internal sealed class EntityState
{
    private readonly Dictionary<string, AccountSlot> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountSlot>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public EntityState(string name, CharArena arena)
    {
        Name = name;
        Invoices = new InvoiceIdIndex(arena);
        _lookup = _accounts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    /// <summary>Invoice ids are unique per entity: the first row of each.</summary>
    public InvoiceIdIndex Invoices { get; }

    public bool TryGetAccount(ReadOnlySpan<char> customerId, out AccountSlot? slot) => _lookup.TryGetValue(customerId, out slot);

    public void AddAccount(AccountSlot slot) => _accounts.Add(slot.Key.CustomerId, slot);
}
