using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Collections.Pipeline.LedgerFiles;

/// <summary>Ledger file ids sort newest first: inverted receive ticks, then a short hash of the blob name.</summary>
public static class LedgerFileIds
{
    /// <summary>The id of a file received at an instant under a name.</summary>
    public static string For(string blobName, DateTimeOffset receivedAt)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(blobName));
        return inverted.ToString("D19", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
