using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>A list of accounts that gives an account's key without making the account (its items).</summary>
internal interface IAccountKeys
{
    /// <summary>The key of the account at <paramref name="index"/>.</summary>
    AccountKey KeyAt(int index);
}
