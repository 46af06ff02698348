using System.Runtime.Versioning;
using System.Text.Json;
using Collections.Host.Tests.Infra;
using Collections.Functions.Ingest;
using static Collections.Functions.Tests.Hosting.FunctionsMetadata;

namespace Collections.Functions.Tests.Infra;

/// <summary>
/// Holds the Functions app's build (functions.metadata, host.json) and infra together: every connection resolves to
/// infra's identity-based settings with the services it needs, the Durable provider's storage has its data roles, the
/// Event Grid subscription targets the blob-triggered function on the ledgers container, and Flex runs the app's .NET.
/// </summary>
public sealed class FunctionsInfraTests
{
    private static BicepFile Storage => Collections.Host.Tests.Infra.RepositoryFiles.Bicep("infra/modules/storage.bicep");

    [Fact]
    public void Connections_BindingsAndDurableProvider_ResolveToIdentityBasedSettingsInInfra()
    {
        var infra = InfraAppSettings.Keys;
        var connections = AllFunctions().Values.SelectMany(b => b).Select(b => Text(b, "connection")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        using var host = JsonDocument.Parse(RepositoryFiles.Read("src/Collections.Functions/host.json"));
        connections.Add(host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider").GetProperty("connectionName").GetString()!);

        Assert.NotEmpty(connections);
        foreach (var connection in connections)
        {
            Assert.Equal("managedidentity", BicepFile.Literal(InfraAppSettings.Entries.Single(e => e.Key == connection + "__credential").Value));
            Assert.Contains(connection + "__clientId", infra);
            // The Durable Task Azure Storage provider uses all three services; the blob trigger blobs and queues.
            Assert.All(new[] { "blob", "queue", "table" }, s => Assert.Contains($"{connection}__{s}ServiceUri", infra));
            Assert.DoesNotContain(connection, infra);
        }
    }

    [Fact]
    public void StorageRoles_CoverTheBlobTriggerAndTheDurableProvider()
    {
        var roles = Storage.VarBlock("appRoles", '[');

        Assert.Contains("id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'", roles, StringComparison.Ordinal); // Storage Blob Data Owner
        Assert.Contains("id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'", roles, StringComparison.Ordinal); // Storage Queue Data Contributor
        Assert.Contains("id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'", roles, StringComparison.Ordinal); // Storage Table Data Contributor
    }

    [Fact]
    public void LedgerSubscription_TargetsTheBlobTriggeredFunctionOnTheLedgersContainer()
    {
        var subscription = Collections.Host.Tests.Infra.RepositoryFiles.Bicep("infra/modules/ledger-subscription.bicep");
        const string Declaration = "param functionName string = ";
        var functionName = BicepFile.Literal(subscription.Text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(Declaration, StringComparison.Ordinal))[Declaration.Length..]);
        var blob = Trigger(LedgerIngestFunctions.LedgerIngest);

        Assert.Equal(LedgerIngestFunctions.LedgerIngest, functionName);
        Assert.Equal("blobTrigger", Text(blob, "type"));
        Assert.Equal("EventGrid", Text(blob, "source"));
        Assert.Equal(Storage.VarStringArray("containerNames")[0], Text(blob, "path")!.Split('/')[0]);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}", subscription.Code, StringComparison.Ordinal);
        Assert.Contains(".systemKeys.blobs_extension", subscription.Code, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Storage.BlobCreated'", subscription.Code, StringComparison.Ordinal);
        Assert.Contains("subjectBeginsWith: '/blobServices/default/containers/${ledgersContainerName}/blobs/'", subscription.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void FlexRuntime_IsDotnetIsolatedOnTheAppsTargetFramework()
    {
        var site = Assert.Single(InfraAppSettings.Module.Resources, r => r.Type == "Microsoft.Web/sites");
        var framework = new FrameworkName(typeof(LedgerIngestFunctions).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false).Cast<TargetFrameworkAttribute>().Single().FrameworkName);

        Assert.Contains("name: 'dotnet-isolated'", site.Body, StringComparison.Ordinal);
        Assert.Contains($"version: '{framework.Version.Major}.{framework.Version.Minor}'", site.Body, StringComparison.Ordinal);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", InfraAppSettings.Keys);
    }
}
