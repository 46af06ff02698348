using Collections.Domain.Monetary;

namespace Collections.Domain.Aging;

/// <summary>An account's balances in one currency on a date.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Open">Sum of all open amounts, credits negative.</param>
/// <param name="Overdue">Overdue non-disputed debt net of all credits, never below zero.</param>
/// <param name="Disputed">Sum of open amounts of disputed items.</param>
public sealed record CurrencyBalance(Currency Currency, decimal Open, decimal Overdue, decimal Disputed);
