using System.Security.Cryptography;
using System.Text;

namespace Collections.Notices.Email.Acs;

/// <summary>The ACS HMAC-SHA256 scheme, as acs-email.md describes it (test vector in docs/notices.md).</summary>
internal static class AcsRequestSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    /// <summary>Base64 SHA-256 of the body (of the empty string when there is none).</summary>
    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    /// <summary><c>METHOD\npathAndQuery\ndate;host;contentHash</c>.</summary>
    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    /// <summary>Base64 HMAC-SHA256 of the ASCII string to sign, keyed with the base64-decoded access key.</summary>
    public static string Signature(string stringToSign, string accessKeyBase64) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accessKeyBase64), Encoding.ASCII.GetBytes(stringToSign)));

    /// <summary>The <c>Authorization</c> header value.</summary>
    public static string Authorization(string signature) =>
        $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";
}
