using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Cases;

/// <summary>
/// Deterministic case ids: the same account episode always gets the same id, so a crash between
/// creating a case and recording it in the account index is repaired by simply running again.
/// </summary>
public static class CaseIds
{
    /// <summary>The id of an account's n-th episode, e.g. <c>c-3f9a0c1b2d4e5f60-002</c> (safe as a table key).</summary>
    public static string For(AccountKey account, int episode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(account.Entity + "\n" + account.CustomerId));
        return "c-" + Convert.ToHexStringLower(hash.AsSpan(0, 8)) + "-" + episode.ToString("D3", CultureInfo.InvariantCulture);
    }
}
