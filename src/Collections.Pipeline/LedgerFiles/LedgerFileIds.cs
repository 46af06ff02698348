using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Collections.Pipeline.LedgerFiles;

/// <summary>
/// Ledger file ids sort newest first: inverted receive ticks, then a short hash of the blob name and its ETag.
/// Last-Modified has whole seconds only; the ETag (new for every write) keeps two uploads of the same name in
/// the same second apart, so each file keeps its own record and reports.
/// </summary>
public static class LedgerFileIds
{
    /// <summary>The id of a file received at an instant under a name, as version <paramref name="etag"/> of that blob.</summary>
    public static string For(string blobName, DateTimeOffset receivedAt, string? etag = null)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(etag is null ? blobName : blobName + "\n" + etag));
        return inverted.ToString("D19", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
