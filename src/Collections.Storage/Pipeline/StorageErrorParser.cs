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
                    if (json.RootElement.TryGetProperty("odata.error", out var odata))
                    {
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
            }
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or JsonException or InvalidOperationException)
        {
            // An unparseable body still leaves the header's error code.
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? response.ReasonPhrase);
        return error is not null;
    }
}
