using Azure.Core;
using Azure.Identity;
using Collections.Storage;

namespace Collections.Functions.Hosting;

/// <summary>How the host and the CLI reach storage: the <c>AzureWebJobsStorage</c> connection and the app's identity.</summary>
internal static class HostStorage
{
    /// <summary>
    /// The app's identity: the user-assigned managed identity named by <c>AzureWebJobsStorage__clientId</c> (or
    /// <c>AZURE_CLIENT_ID</c>), else whatever DefaultAzureCredential finds. Nothing is fetched until first use.
    /// </summary>
    public static TokenCredential Credential(IConfiguration config) => new DefaultAzureCredential(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = config[HostSettings.StorageConnectionName + ":clientId"] ?? config["AZURE_CLIENT_ID"],
    });

    /// <summary>The storage connection: a connection string, or identity-based settings used with <paramref name="credential"/>.</summary>
    public static StorageConnection Connect(IConfiguration config, TokenCredential credential) =>
        StorageConnection.FromConfiguration(key => config[key.Replace("__", ":", StringComparison.Ordinal)], HostSettings.StorageConnectionName, credential);
}
