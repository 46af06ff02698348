namespace Collections.Operations.Hosting;

/// <summary>
/// The <c>AzureWebJobsStorage</c> connection as the Functions host reads it: a connection string (Azurite's
/// <c>UseDevelopmentStorage=true</c> or explicit endpoints), or identity-based settings
/// (<c>__accountName</c>, <c>__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>,
/// <c>__credential=managedidentity</c>, <c>__clientId</c>) used with the app's token credential.
/// </summary>
internal sealed record StorageConnectionSettings(string? ConnectionString, Uri? BlobServiceUri, Uri? QueueServiceUri, Uri? TableServiceUri)
{
    /// <summary>Reads the connection; the error names the setting, never a key.</summary>
    /// <exception cref="InvalidSettingsException">Neither form is configured, or a value is malformed.</exception>
    public static StorageConnectionSettings Read(IConfiguration config)
    {
        const string name = HostSettings.StorageConnectionName;
        string? Get(string key) => config[key] is { Length: > 0 } v ? v.Trim() : null;
        if ((Get(name) ?? Get("ConnectionStrings:" + name)) is { } connectionString)
        {
            return new StorageConnectionSettings(connectionString, null, null, null);
        }

        var problems = new List<string>();
        var account = Get(name + ":accountName");
        Uri? Endpoint(string setting, string service)
        {
            var value = Get(name + ":" + setting) ?? (account is null ? null : $"https://{account}.{service}.core.windows.net");
            if (value is null)
            {
                return null;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                problems.Add($"{name}__{setting}: '{value}' is not an absolute http(s) URL");
                return null;
            }

            return uri;
        }

        var blob = Endpoint("blobServiceUri", "blob") ?? Endpoint("serviceUri", "blob");
        var queue = Endpoint("queueServiceUri", "queue");
        var table = Endpoint("tableServiceUri", "table");
        if (Get(name + ":credential") is { } credential && !string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{name}__credential: must be 'managedidentity' when present");
        }

        if (problems.Count == 0 && blob is null && queue is null && table is null)
        {
            problems.Add($"{name}: not configured: set it to a connection string, or {name}__accountName " +
                $"(or {name}__blobServiceUri, __queueServiceUri, __tableServiceUri) for identity-based access");
        }

        return problems.Count > 0 ? throw new InvalidSettingsException(problems) : new StorageConnectionSettings(null, blob, queue, table);
    }

    /// <summary>The endpoint of a service, or an error naming the missing setting.</summary>
    public Uri Require(Uri? endpoint, string setting) =>
        endpoint ?? throw new InvalidSettingsException([$"{HostSettings.StorageConnectionName}__{setting}: required (or __accountName) for identity-based access"]);
}
