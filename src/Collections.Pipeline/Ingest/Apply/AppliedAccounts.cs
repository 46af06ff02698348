using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// What apply needs of the accounts once they are applied, gathered one account at a time so none is kept:
/// per entity (in the order the entities first appear), the customer ids present and the snapshot totals.
/// </summary>
internal sealed class AppliedAccounts
{
    private readonly List<Entity> _entities = [];
    private readonly Dictionary<string, Entity> _byName = new(StringComparer.Ordinal);
    private readonly DateOnly _asOf;
    private readonly IReadOnlyDictionary<string, DateOnly?> _previousAsOf;

    /// <summary>Totals as of <paramref name="asOf"/>, each entity's credit sales counted from its previous snapshot's date.</summary>
    public AppliedAccounts(DateOnly asOf, IReadOnlyDictionary<string, DateOnly?> previousAsOf)
    {
        _asOf = asOf;
        _previousAsOf = previousAsOf;
    }

    /// <summary>The entities seen, in order of first appearance.</summary>
    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>Adds one account as applied.</summary>
    public void Add(CustomerAccount account)
    {
        if (!_byName.TryGetValue(account.Key.Entity, out var entity))
        {
            _byName[account.Key.Entity] = entity = new Entity(account.Key.Entity, new HashSet<string>(StringComparer.Ordinal), new SnapshotTotals(_asOf, _previousAsOf.GetValueOrDefault(account.Key.Entity)));
            _entities.Add(entity);
        }

        entity.Present.Add(account.Key.CustomerId);
        entity.Totals.Add(account);
    }

    /// <summary>One entity's customer ids and totals.</summary>
    internal sealed record Entity(string Name, HashSet<string> Present, SnapshotTotals Totals);
}
