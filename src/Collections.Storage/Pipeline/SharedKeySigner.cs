using System.Globalization;
using System.Text;
using Azure.Core;

namespace Collections.Storage.Pipeline;

/// <summary>Builds Shared Key strings-to-sign (see docs/storage.md and azure-storage-rest.md section 1).</summary>
internal static class SharedKeySigner
{
    /// <summary>Blob and queue SharedKey: 12 standard lines, canonical x-ms-* headers, canonical resource with every query parameter.</summary>
    public static string BlobQueueStringToSign(Request request, string accountName)
    {
        var headers = request.Headers;
        string H(string name) => headers.TryGetValue(name, out var v) ? v : string.Empty;
        var length = request.Content is not null && request.Content.TryComputeLength(out var len) && len > 0
            ? len.ToString(CultureInfo.InvariantCulture)
            : string.Empty;

        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n')
            .Append(H("Content-Encoding")).Append('\n')
            .Append(H("Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(H("Content-MD5")).Append('\n')
            .Append(H("Content-Type")).Append('\n')
            .Append(string.Empty).Append('\n') // Date: always empty, x-ms-date is signed as a canonical header.
            .Append(H("If-Modified-Since")).Append('\n')
            .Append(H("If-Match")).Append('\n')
            .Append(H("If-None-Match")).Append('\n')
            .Append(H("If-Unmodified-Since")).Append('\n')
            .Append(H("Range")).Append('\n');

        var canonical = new List<(string Name, string Value)>();
        foreach (var header in headers)
        {
            if (header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                canonical.Add((header.Name.ToLowerInvariant(), header.Value.Trim()));
            }
        }

        canonical.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, value) in canonical)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var query = ParseQuery(uri.Query);
        foreach (var group in query.GroupBy(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var values = group.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal);
            sb.Append('\n').Append(group.Key).Append(':').Append(string.Join(',', values));
        }

        return sb.ToString();
    }

    /// <summary>Table SharedKeyLite: the x-ms-date value and the resource with only <c>?comp=</c>.</summary>
    public static string TableStringToSign(Request request, string accountName)
    {
        var date = request.Headers.TryGetValue("x-ms-date", out var d) ? d : string.Empty;
        return date + "\n" + TableCanonicalResource(request, accountName);
    }

    /// <summary>Table SharedKey (not SharedKeyLite): verb, Content-MD5, Content-Type, date, resource.</summary>
    public static string TableSharedKeyStringToSign(Request request, string accountName)
    {
        string H(string name) => request.Headers.TryGetValue(name, out var v) ? v : string.Empty;
        return request.Method.Method + "\n" + H("Content-MD5") + "\n" + H("Content-Type") + "\n" + H("x-ms-date") + "\n"
            + TableCanonicalResource(request, accountName);
    }

    private static string TableCanonicalResource(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();
        var resource = "/" + accountName + uri.AbsolutePath;
        var comp = ParseQuery(uri.Query).FirstOrDefault(p => string.Equals(p.Name, "comp", StringComparison.OrdinalIgnoreCase));
        return comp.Name is null ? resource : resource + "?comp=" + comp.Value;
    }

    private static List<(string Name, string Value)> ParseQuery(string query)
    {
        var result = new List<(string, string)>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            result.Add((name, value));
        }

        return result;
    }
}
