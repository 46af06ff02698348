namespace Collections.Pipeline.Queries;

/// <summary>
/// A change of one invoice's open amount, as a case timeline recorded it from a ledger snapshot.
/// <see cref="Collection"/> marks payments (a partial payment or a settlement), as opposed to the item first
/// appearing or being changed.
/// </summary>
public sealed record ItemMovement(string Item, string Currency, DateOnly DueDate, DateOnly Date, decimal OpenAfter, bool Collection);
