using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Collections.Pipeline.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Operations.Hosting;

/// <summary>
/// How the host and the CLI reach storage: one <c>AddAzureClients</c> registration builds the blob, queue and
/// table service clients from the <c>AzureWebJobsStorage</c> connection, with the SDK's retry options as the
/// only retry layer.
/// </summary>
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

    /// <summary>
    /// Registers <see cref="BlobServiceClient"/>, <see cref="QueueServiceClient"/> and <see cref="TableServiceClient"/>
    /// with the options of <see cref="StorageClientOptions"/> (pinned service versions, Base64 queue messages). The
    /// connection is read when a client is first resolved; identity-based settings use the registered
    /// <see cref="TokenCredential"/> (added here if none is).
    /// </summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(_ => Credential(config));
        services.TryAddSingleton(_ => StorageConnectionSettings.Read(config));
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(sp => sp.GetRequiredService<TokenCredential>());
            clients.ConfigureDefaults(options =>
            {
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = 5;
                options.Retry.Delay = TimeSpan.FromSeconds(0.5);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
            });
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, sp) =>
                Settings(sp) is { ConnectionString: { } cs }
                    ? new BlobServiceClient(cs, options)
                    : new BlobServiceClient(Settings(sp).Require(Settings(sp).BlobServiceUri, "blobServiceUri"), credential, options))
                .WithVersion(StorageClientOptions.BlobVersion);
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, sp) =>
                Settings(sp) is { ConnectionString: { } cs }
                    ? new QueueServiceClient(cs, options)
                    : new QueueServiceClient(Settings(sp).Require(Settings(sp).QueueServiceUri, "queueServiceUri"), credential, options))
                .WithVersion(StorageClientOptions.QueueVersion)
                .ConfigureOptions(options => options.MessageEncoding = StorageClientOptions.Queue().MessageEncoding);
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
                Settings(sp) is { ConnectionString: { } cs }
                    ? new TableServiceClient(cs, options)
                    : new TableServiceClient(Settings(sp).Require(Settings(sp).TableServiceUri, "tableServiceUri"), credential, options));
        });
        return services;
    }

    private static StorageConnectionSettings Settings(IServiceProvider sp) => sp.GetRequiredService<StorageConnectionSettings>();
}
