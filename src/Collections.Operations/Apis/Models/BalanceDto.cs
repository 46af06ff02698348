namespace Collections.Operations.Apis.Models;

/// <summary>An account's balances in one currency on <c>balanceDate</c>.</summary>
internal sealed record BalanceDto(string Currency, decimal Open, decimal Overdue, decimal Disputed);
