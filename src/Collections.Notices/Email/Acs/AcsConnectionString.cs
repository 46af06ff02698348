namespace Collections.Notices.Email.Acs;

/// <summary>An ACS connection string: <c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c>.</summary>
public sealed record AcsConnectionString(Uri Endpoint, string AccessKey)
{
    /// <summary>Parses a connection string (keys case-insensitive, order free); false with the reason otherwise.</summary>
    public static bool TryParse(string? value, out AcsConnectionString? result, out string? error)
    {
        result = null;
        error = null;
        string? endpoint = null, key = null;
        foreach (var part in (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = "each part must be name=value";
                return false;
            }

            var name = part[..eq].Trim();
            var v = part[(eq + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = v;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                key = v;
            }
        }

        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || (!string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) && !string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal)))
        {
            error = "'endpoint' must be an absolute http(s) URI";
            return false;
        }

        if (string.IsNullOrEmpty(key) || !IsBase64(key))
        {
            error = "'accesskey' must be a base64 key";
            return false;
        }

        result = new AcsConnectionString(uri, key);
        return true;
    }

    /// <summary>Parses or throws a <see cref="FormatException"/> that never echoes the key.</summary>
    public static AcsConnectionString Parse(string value) =>
        TryParse(value, out var result, out var error) ? result! : throw new FormatException($"Invalid ACS connection string: {error}.");

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"endpoint={Endpoint};accesskey=***";

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
