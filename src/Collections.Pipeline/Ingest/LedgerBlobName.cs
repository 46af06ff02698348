using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// The rule for the name a ledger is uploaded under (a blob in the <c>ledgers</c> container): it becomes the
/// file's name in reports, its as-of suffix and part of its ledger file id, so it must be a plain relative
/// name. Checked before any storage call, so a bad name gets one line saying why, not a storage error.
/// </summary>
public static class LedgerBlobName
{
    /// <summary>Longest name accepted (a file name on most systems; storage itself allows 1,024).</summary>
    public const int MaxLength = 255;

    /// <summary>Whether <paramref name="name"/> may be used; otherwise <paramref name="reason"/> says why in one line.</summary>
    public static bool IsValid(string? name, [NotNullWhen(false)] out string? reason)
    {
        reason = Problem(name);
        return reason is null;
    }

    private static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "the ledger name is empty";
        }

        if (name.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the ledger name has {name.Length} characters; at most {MaxLength} are allowed");
        }

        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return string.Create(CultureInfo.InvariantCulture, $"the ledger name contains a control character (U+{(int)c:X4})");
            }

            if (c is '\\' or '#' or '?')
            {
                return $"the ledger name contains '{c}'; use letters, digits, spaces, '-', '_', '.' and '/' between folder names";
            }
        }

        if (name[0] == '/' || name[^1] is '/' or '.' || name.Contains("//", StringComparison.Ordinal))
        {
            return "the ledger name must be a relative path that does not start or end with '/' or end with '.'";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is "." or ".." || segment.Trim().Length == 0)
            {
                return $"the ledger name contains the path segment '{segment}'; '.' and '..' and blank segments are not allowed";
            }
        }

        return null;
    }
}
