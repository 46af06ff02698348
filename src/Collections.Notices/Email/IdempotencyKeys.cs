using System.Security.Cryptography;
using System.Text;

namespace Collections.Notices.Email;

/// <summary>
/// Name-based GUIDs for idempotency keys: the first 16 bytes of SHA-256 over a fixed namespace and the
/// UTF-8 key, stamped as an RFC 9562 version 8 (custom, name-based) UUID. SHA-256 rather than the
/// SHA-1 of version 5 keeps weak hashes out of the code; the result is just as stable.
/// </summary>
public static class IdempotencyKeys
{
    private static readonly byte[] Namespace = Encoding.ASCII.GetBytes("collections.notices/email-operation/v1\n");

    /// <summary>The GUID of <paramref name="key"/>; equal keys give equal GUIDs, forever.</summary>
    public static Guid ToGuid(string key)
    {
        var input = new byte[Namespace.Length + Encoding.UTF8.GetByteCount(key)];
        Namespace.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(key, input.AsSpan(Namespace.Length));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
