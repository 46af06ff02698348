namespace Collections.Domain.Ledger;

/// <summary>Identifies a customer account: the legal entity that is owed plus the customer id.</summary>
public readonly record struct AccountKey(string Entity, string CustomerId)
{
    /// <summary>The entity used when a ledger names none.</summary>
    public const string DefaultEntity = "default";

    /// <inheritdoc />
    public override string ToString() => $"{Entity}/{CustomerId}";
}
