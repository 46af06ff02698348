using System.Security.Cryptography;
using System.Text;

namespace Collections.Notices;

/// <summary>The hash recorded for rendered content and templates: lower-case hex SHA-256 of the UTF-8 text.</summary>
internal static class HexSha256
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
