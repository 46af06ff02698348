using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Collections.Storage.Pipeline;

/// <summary>Reads the error code from <c>x-ms-error-code</c>, the XML <c>&lt;Error&gt;</c> body or the JSON <c>odata.error</c> body.</summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        try
        {
            var body = response.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                var trimmed = body.TrimStart();
                if (trimmed.StartsWith('<'))
                {
                    var root = XDocument.Parse(trimmed).Root;
                    code ??= root?.Element("Code")?.Value;
                    message = root?.Element("Message")?.Value;
                }
                else if (trimmed.StartsWith('{'))
                {
                    using var json = JsonDocument.Parse(trimmed);
                    ReadODataError(json.RootElement, ref code, ref message);
                }
            }
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or JsonException or InvalidOperationException)
        {
            // An unparseable body still leaves the header's error code.
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? response.ReasonPhrase);
        return error is not null;
    }

    /// <summary>
    /// Reads a table service <c>odata.error</c> body: its <c>code</c> (only when <paramref name="code"/> is still unknown)
    /// and <c>message.value</c> (when present).
    /// </summary>
    /// <remarks>
    /// By reference rather than returned: when a malformed member throws, the callers keep what was read before it.
    /// </remarks>
    internal static void ReadODataError(JsonElement root, ref string? code, ref string? message)
    {
        if (!root.TryGetProperty("odata.error", out var odata))
        {
            return;
        }

        if (odata.TryGetProperty("code", out var c))
        {
            code ??= c.GetString();
        }

        if (odata.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v))
        {
            message = v.GetString();
        }
    }
}
