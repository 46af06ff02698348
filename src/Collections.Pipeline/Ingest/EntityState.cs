namespace Collections.Pipeline.Ingest;

/// <summary>One entity of a file: its number and its accounts by customer id (looked up by the cell's characters).</summary>
internal sealed class EntityState
{
    private readonly Dictionary<string, AccountSlot> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountSlot>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public EntityState(string name, int number)
    {
        Name = name;
        Number = number;
        _lookup = _accounts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    /// <summary>The entity's number in its file (invoice ids are unique per entity).</summary>
    public int Number { get; }

    public bool TryGetAccount(ReadOnlySpan<char> customerId, out AccountSlot? slot) => _lookup.TryGetValue(customerId, out slot);

    public void AddAccount(AccountSlot slot) => _accounts.Add(slot.Key.CustomerId, slot);
}
