namespace Collections.Storage.Pipeline;

/// <summary>URL helpers: percent-encoding of names and query values.</summary>
internal static class StorageUri
{
    /// <summary>Encodes each '/'-separated segment of a blob name, keeping the slashes.</summary>
    public static string EncodePath(string name) =>
        string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToArray();
        return parts.Length == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
