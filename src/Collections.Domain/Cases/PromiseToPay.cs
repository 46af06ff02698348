using Collections.Domain.Monetary;

namespace Collections.Domain.Cases;

/// <summary>A running promise: the debtor will pay <see cref="Amount"/> by <see cref="PromisedDate"/>.</summary>
/// <param name="PromisedDate">The date the debtor promised.</param>
/// <param name="Amount">The amount promised.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="BaselineOverdue">Overdue in the promise's currency when it was recorded.</param>
/// <param name="EndsAt">End of the promised date plus grace, local midnight: kept or broken is decided then.</param>
/// <param name="Kept">Whether a snapshot already showed the promised drop.</param>
public sealed record PromiseToPay(DateOnly PromisedDate, Money Amount, DateTimeOffset RecordedAt, decimal BaselineOverdue, DateTimeOffset EndsAt, bool Kept);
