using System.Globalization;
using System.Text.Json;

namespace Collections.Host.Hosting;

/// <summary>
/// A custom-handler invocation (<c>{ "Data": {...}, "Metadata": {...} }</c>) read defensively: the host
/// serialises values one by one, so numbers may arrive as strings, strings may carry an extra layer of
/// quotes, and timestamps vary in form.
/// </summary>
internal sealed class InvocationRequest
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private InvocationRequest(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    public static InvocationRequest Parse(JsonElement body) => new(
        body.TryGetProperty("Data", out var d) ? d.Clone() : default,
        body.TryGetProperty("Metadata", out var m) ? m.Clone() : default);

    /// <summary>The text of the first (or named) data binding: a string (unquoted once more if it is itself a JSON string) or raw JSON.</summary>
    public string? DataText(string? name = null)
    {
        if (_data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var value = name is not null && _data.TryGetProperty(name, out var named) ? named : _data.EnumerateObject().Select(p => p.Value).FirstOrDefault();
        return value.ValueKind switch
        {
            JsonValueKind.String => Unquote(value.GetString()!),
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>The data binding decoded from base64 (blob content), or its UTF-8 bytes when it is not base64.</summary>
    public byte[]? DataBytes(string? name = null)
    {
        var text = DataText(name);
        if (text is null)
        {
            return null;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : System.Text.Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A metadata value as a string (extra quotes removed), or null.</summary>
    public string? Metadata(string name)
    {
        if (_metadata.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in _metadata.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value.ValueKind == JsonValueKind.String ? Unquote(p.Value.GetString()!) : p.Value.GetRawText();
            }
        }

        return null;
    }

    /// <summary>A metadata number given as a number or a string; <paramref name="fallback"/> when absent or unreadable.</summary>
    public long MetadataNumber(string name, long fallback) =>
        long.TryParse(Metadata(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>A metadata timestamp in any ISO-like form; null when absent or unreadable.</summary>
    public DateTimeOffset? MetadataTime(string name) =>
        DateTimeOffset.TryParse(Metadata(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static string Unquote(string s)
    {
        var t = s.Trim();
        if (t.Length >= 2 && t[0] == '"' && t[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(t) ?? s;
            }
            catch (JsonException)
            {
                return t[1..^1];
            }
        }

        return s;
    }
}
