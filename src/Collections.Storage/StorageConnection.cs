using Azure.Core;

namespace Collections.Storage;

/// <summary>
/// Where a storage account lives and how to authorize against it: parsed from a connection string or from
/// identity-based settings (<c>&lt;name&gt;__accountName</c>, <c>&lt;name&gt;__blobServiceUri</c>, ...) the way the
/// Functions host reads them.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The well-known Azurite / storage emulator account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The token scope for Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(
        string accountName,
        Uri? blobEndpoint,
        Uri? queueEndpoint,
        Uri? tableEndpoint,
        StorageSharedKeyCredential? sharedKey,
        string? sharedAccessSignature,
        TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        SharedKeyCredential = sharedKey;
        SharedAccessSignature = sharedAccessSignature;
        TokenCredential = tokenCredential;
        CredentialKind = sharedKey is not null ? StorageCredentialKind.SharedKey
            : sharedAccessSignature is not null ? StorageCredentialKind.SharedAccessSignature
            : StorageCredentialKind.Token;
    }

    /// <summary>The account name (for Azurite <c>devstoreaccount1</c>).</summary>
    public string AccountName { get; }

    /// <summary>The blob service endpoint, or <see langword="null"/> when the settings have none.</summary>
    public Uri? BlobEndpoint { get; }

    /// <summary>The queue service endpoint, or <see langword="null"/> when the settings have none.</summary>
    public Uri? QueueEndpoint { get; }

    /// <summary>The table service endpoint, or <see langword="null"/> when the settings have none.</summary>
    public Uri? TableEndpoint { get; }

    /// <summary>How requests are authorized.</summary>
    public StorageCredentialKind CredentialKind { get; }

    internal StorageSharedKeyCredential? SharedKeyCredential { get; }

    internal string? SharedAccessSignature { get; }

    internal TokenCredential? TokenCredential { get; }

    /// <summary>The connection for a local Azurite on its default ports (<c>UseDevelopmentStorage=true</c>).</summary>
    public static StorageConnection Development { get; } = Parse("UseDevelopmentStorage=true");

    /// <summary>Parses a storage connection string.</summary>
    /// <exception cref="FormatException">The string is malformed; the message names the offending setting, never the key.</exception>
    public static StorageConnection Parse(string connectionString) =>
        StorageConnectionStringParser.Parse(connectionString);

    /// <summary>
    /// Resolves the connection named <paramref name="name"/> (for example <c>AzureWebJobsStorage</c>) the way the
    /// Functions host does: a connection string under <c>name</c> (or <c>ConnectionStrings:name</c>), otherwise
    /// identity-based settings <c>name__accountName</c>, <c>name__blobServiceUri</c>, <c>name__queueServiceUri</c>,
    /// <c>name__tableServiceUri</c> and <c>name__credential</c> (<c>:</c> works as the separator too) authorized with
    /// <paramref name="tokenCredential"/>.
    /// </summary>
    /// <exception cref="FormatException">The settings are missing or malformed; the message names the setting.</exception>
    public static StorageConnection FromConfiguration(Func<string, string?> lookup, string name, TokenCredential? tokenCredential = null) =>
        StorageConnectionStringParser.FromConfiguration(lookup, name, tokenCredential);

    /// <summary>Resolves the connection named <paramref name="name"/> from a flat settings dictionary.</summary>
    /// <seealso cref="FromConfiguration(Func{string, string}, string, TokenCredential)"/>
    public static StorageConnection FromConfiguration(IReadOnlyDictionary<string, string?> settings, string name, TokenCredential? tokenCredential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FromConfiguration(key => settings.TryGetValue(key, out var value) ? value : null, name, tokenCredential);
    }

    internal static StorageConnection Create(
        string accountName, Uri? blob, Uri? queue, Uri? table, StorageSharedKeyCredential? key, string? sas, TokenCredential? token) =>
        new(accountName, blob, queue, table, key, sas, token);

    internal static string AccountNameFromUri(Uri uri)
    {
        // Path-style (Azurite, IP hosts): the first path segment is the account. Otherwise the first host label.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback)
        {
            var segment = uri.AbsolutePath.Trim('/').Split('/')[0];
            if (segment.Length > 0)
            {
                return segment;
            }
        }

        return uri.Host.Split('.')[0];
    }

    internal Uri GetEndpoint(StorageService service) => service switch
    {
        StorageService.Blob => BlobEndpoint,
        StorageService.Queue => QueueEndpoint,
        _ => TableEndpoint,
    } ?? throw new InvalidOperationException($"The storage connection for account '{AccountName}' has no {service} endpoint.");

    /// <inheritdoc />
    public override string ToString() => $"StorageConnection({AccountName}, {CredentialKind})";
}
