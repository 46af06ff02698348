using System.Globalization;
using Azure.Core;

namespace Collections.Storage;

internal static class StorageConnectionStringParser
{
    private static readonly string[] KnownKeys =
    [
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint", "SharedAccessSignature",
        "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint", "FileSecondaryEndpoint",
    ];

    public static StorageConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"The storage connection string has a segment without 'name=value' (segment {settings.Count + 1}).");
            }

            var key = part[..eq].Trim();
            if (!KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"The storage connection string has an unknown setting '{key}'.");
            }

            if (!settings.TryAdd(key, part[(eq + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets '{key}' more than once.");
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!bool.TryParse(dev, out var useDev) || !useDev)
            {
                throw new FormatException("UseDevelopmentStorage must be 'true'.");
            }

            const string Host = "http://127.0.0.1";
            const string Account = StorageConnection.DevelopmentAccountName;
            return StorageConnection.Create(
                Account,
                new Uri($"{Host}:10000/{Account}"),
                new Uri($"{Host}:10001/{Account}"),
                new Uri($"{Host}:10002/{Account}"),
                new StorageSharedKeyCredential(Account, StorageConnection.DevelopmentAccountKey),
                null,
                null);
        }

        settings.TryGetValue("AccountName", out var accountName);
        settings.TryGetValue("AccountKey", out var accountKey);
        settings.TryGetValue("SharedAccessSignature", out var sas);
        if (accountKey is not null && sas is not null)
        {
            throw new FormatException("The storage connection string sets both AccountKey and SharedAccessSignature; use one.");
        }

        if (accountKey is null && sas is null)
        {
            throw new FormatException("The storage connection string has neither AccountKey nor SharedAccessSignature.");
        }

        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p : "https";
        if (!string.Equals(protocol, "https", StringComparison.OrdinalIgnoreCase) && !string.Equals(protocol, "http", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"DefaultEndpointsProtocol must be 'http' or 'https', not '{protocol}'.");
        }

        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
        Uri? Endpoint(string service, string setting)
        {
            if (settings.TryGetValue(setting, out var explicitValue))
            {
                return ParseEndpoint(explicitValue, setting);
            }

            return string.IsNullOrEmpty(accountName)
                ? null
                : ParseEndpoint(string.Create(CultureInfo.InvariantCulture, $"{protocol.ToLowerInvariant()}://{accountName}.{service}.{suffix}"), setting);
        }

        var blob = Endpoint("blob", "BlobEndpoint");
        var queue = Endpoint("queue", "QueueEndpoint");
        var table = Endpoint("table", "TableEndpoint");
        if (blob is null && queue is null && table is null)
        {
            throw new FormatException("The storage connection string has no AccountName and no BlobEndpoint, QueueEndpoint or TableEndpoint.");
        }

        if (accountKey is not null)
        {
            if (string.IsNullOrEmpty(accountName))
            {
                throw new FormatException("The storage connection string has an AccountKey but no AccountName.");
            }

            StorageSharedKeyCredential key;
            try
            {
                key = new StorageSharedKeyCredential(accountName, accountKey);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException("The storage connection string's AccountKey is not valid Base64.", ex);
            }

            return StorageConnection.Create(accountName, blob, queue, table, key, null, null);
        }

        var token = sas!.TrimStart('?');
        if (token.Length == 0)
        {
            throw new FormatException("The storage connection string's SharedAccessSignature is empty.");
        }

        var name = string.IsNullOrEmpty(accountName) ? StorageConnection.AccountNameFromUri((blob ?? queue ?? table)!) : accountName;
        return StorageConnection.Create(name, blob, queue, table, null, token, null);
    }

    public static StorageConnection FromConfiguration(Func<string, string?> lookup, string name, TokenCredential? tokenCredential)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var connectionString = lookup(name) ?? lookup("ConnectionStrings:" + name) ?? lookup("AzureWebJobs" + name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                return Parse(connectionString);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"Setting '{name}': {ex.Message}", ex);
            }
        }

        string? Setting(string suffix) => lookup(name + "__" + suffix) ?? lookup(name + ":" + suffix);
        var accountName = Setting("accountName");
        var blobUri = Setting("blobServiceUri") ?? Setting("serviceUri");
        var queueUri = Setting("queueServiceUri");
        var tableUri = Setting("tableServiceUri");
        var credential = Setting("credential");
        if (accountName is null && blobUri is null && queueUri is null && tableUri is null)
        {
            throw new FormatException(
                $"Storage connection '{name}' is not configured: set '{name}' to a connection string, or '{name}__accountName' " +
                $"(or '{name}__blobServiceUri', '{name}__queueServiceUri', '{name}__tableServiceUri') for identity-based access.");
        }

        if (credential is not null && !string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Setting '{name}__credential' must be 'managedidentity' when present.");
        }

        if (tokenCredential is null)
        {
            throw new FormatException($"Storage connection '{name}' uses identity-based settings but no TokenCredential was supplied by the host.");
        }

        Uri? Endpoint(string? explicitUri, string service, string setting)
        {
            if (explicitUri is not null)
            {
                return ParseEndpoint(explicitUri, name + "__" + setting);
            }

            return accountName is null ? null : ParseEndpoint($"https://{accountName}.{service}.core.windows.net", name + "__accountName");
        }

        var blob = Endpoint(blobUri, "blob", "blobServiceUri");
        var queue = Endpoint(queueUri, "queue", "queueServiceUri");
        var table = Endpoint(tableUri, "table", "tableServiceUri");
        var account = accountName ?? StorageConnection.AccountNameFromUri((blob ?? queue ?? table)!);
        return StorageConnection.Create(account, blob, queue, table, null, null, tokenCredential);
    }

    private static Uri ParseEndpoint(string value, string setting)
    {
        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) || (!string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && !string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)))
        {
            throw new FormatException($"{setting} is not an absolute http(s) URI.");
        }

        return uri;
    }
}
