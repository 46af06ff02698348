using Collections.Domain.Monetary;

namespace Collections.Notices.Rendering;

/// <summary>A debtor's promise to pay <paramref name="Amount"/> by <paramref name="Date"/>.</summary>
public sealed record PromiseDetails(DateOnly Date, Money Amount);
