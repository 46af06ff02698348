namespace Collections.Domain.Monetary;

/// <summary>
/// An amount in one currency. Arithmetic between different currencies throws: amounts of
/// different currencies are never added (domain.md section 2).
/// </summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right) => new(left.Amount + Same(left, right).Amount, left.Currency);

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right) => new(left.Amount - Same(left, right).Amount, left.Currency);

    /// <summary>Negates the amount.</summary>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Invariant decimal string with the currency's minor-unit digits, e.g. "18250.40".</summary>
    public string ToInvariantString() => Currency.FormatInvariant(Amount);

    /// <inheritdoc />
    public override string ToString() => $"{ToInvariantString()} {Currency.Code}";

    private static Money Same(Money left, Money right) =>
        left.Currency == right.Currency
            ? right
            : throw new InvalidOperationException($"Cannot combine {left.Currency.Code} with {right.Currency.Code}: amounts of different currencies are never added.");
}
