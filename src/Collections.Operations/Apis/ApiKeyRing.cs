using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Collections.Operations.Hosting;

namespace Collections.Operations.Apis;

/// <summary>
/// The configured keys, held as SHA-256 digests and matched in constant time: every key is compared (no early
/// exit) with <see cref="CryptographicOperations.FixedTimeEquals"/> over fixed-length digests, so neither the
/// position of a match nor a key's length leaks through timing.
/// </summary>
internal sealed class ApiKeyRing
{
    private readonly List<(byte[] Digest, string Role, string Fingerprint)> _keys = [];

    public ApiKeyRing(HostSettings settings)
    {
        foreach (var key in settings.ReaderKeys)
        {
            _keys.Add((Digest(key), ApiRoles.Reader, Fingerprint(key)));
        }

        foreach (var key in settings.OperatorKeys)
        {
            _keys.Add((Digest(key), ApiRoles.Operator, Fingerprint(key)));
        }
    }

    /// <summary>The role and a short, non-reversible fingerprint of a presented key, or null when it matches none.</summary>
    public (string Role, string Fingerprint)? Match(string presented)
    {
        var digest = Digest(presented);
        (string, string)? found = null;
        foreach (var (candidate, role, fingerprint) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, candidate))
            {
                // An operator key wins over a reader key configured with the same value.
                found = found is null || string.Equals(role, ApiRoles.Operator, StringComparison.Ordinal) ? (role, fingerprint) : found;
            }
        }

        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("collections-api-key\n" + key)).AsSpan(0, 4)).ToString(CultureInfo.InvariantCulture);
}
