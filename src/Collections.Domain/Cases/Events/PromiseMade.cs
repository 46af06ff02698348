using Collections.Domain.Monetary;

namespace Collections.Domain.Cases.Events;

/// <summary>The debtor promised to pay an amount by a date.</summary>
public sealed record PromiseMade(DateOnly PromisedDate, Money Amount) : CaseEvent;
