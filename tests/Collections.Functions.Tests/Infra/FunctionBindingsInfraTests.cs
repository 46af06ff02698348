using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collections.Functions.Tests.Infra;

/// <summary>
/// Holds the function.json files (functions/) and infra together: trigger connections resolve to infra's
/// identity-based settings, %NAME% references are set, trigger queues exist, and the Event Grid subscription
/// points at the event-based blob trigger on the ledgers container.
/// </summary>
public sealed partial class FunctionBindingsInfraTests
{
    private static IEnumerable<(string Function, JsonElement Binding)> Bindings()
    {
        var folder = RepositoryFiles.PathOf("functions");
        Assert.True(Directory.Exists(folder), "functions/ (one folder per function with function.json) is missing");
        foreach (var file in Directory.EnumerateFiles(folder, "function.json", SearchOption.AllDirectories))
        {
            var function = Path.GetFileName(Path.GetDirectoryName(file)!);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var binding in doc.RootElement.GetProperty("bindings").EnumerateArray())
            {
                yield return (function, binding.Clone());
            }
        }
    }

    private static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public void Connections_ResolveToIdentityBasedSettingsInInfra()
    {
        var infra = InfraAppSettings.Keys;
        var connections = Bindings().Select(b => Text(b.Binding, "connection")).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(connections);
        foreach (var connection in connections)
        {
            Assert.Contains(connection + "__credential", infra);
            Assert.True(infra.Contains(connection + "__accountName") || infra.Contains(connection + "__blobServiceUri"), $"{connection}: no account or service URI in infra");
        }
    }

    [Fact]
    public void PercentReferences_AreSetByInfra()
    {
        var infra = InfraAppSettings.Keys;
        var missing = Bindings()
            .SelectMany(b => b.Binding.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()!))
            .SelectMany(v => PercentRegex().Matches(v).Select(m => m.Groups[1].Value))
            .Where(name => !infra.Contains(name.Replace(":", "__", StringComparison.Ordinal)))
            .ToList();

        Assert.True(missing.Count == 0, "function.json references app settings infra does not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void QueueTriggers_QueuesCreatedByInfra()
    {
        var queues = RepositoryFiles.Bicep("infra/modules/storage.bicep").VarStringArray("queueNames");
        var triggers = Bindings().Where(b => Text(b.Binding, "type") == "queueTrigger").Select(b => Text(b.Binding, "queueName")).ToList();
        Assert.NotEmpty(triggers);
        Assert.All(triggers, q => Assert.Contains(q, queues));
    }

    [Fact]
    public void LedgerSubscription_TargetsTheEventBasedBlobTriggerOnTheLedgersContainer()
    {
        var subscription = RepositoryFiles.Bicep("infra/modules/ledger-subscription.bicep");
        var functionName = BicepFile.Literal(subscription.Text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("param functionName string = ", StringComparison.Ordinal))["param functionName string = ".Length..]);

        var blob = Assert.Single(Bindings(), b => Text(b.Binding, "type") == "blobTrigger");
        Assert.Equal(functionName, blob.Function);
        // Flex Consumption runs only the event-based blob trigger.
        Assert.Equal("EventGrid", Text(blob.Binding, "source"));

        var container = Text(blob.Binding, "path")!.Split('/')[0];
        var ledgers = RepositoryFiles.Bicep("infra/modules/storage.bicep").VarStringArray("containerNames")[0];
        Assert.Equal(container, ledgers);

        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}", subscription.Code, StringComparison.Ordinal);
        Assert.Contains(".systemKeys.blobs_extension", subscription.Code, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Storage.BlobCreated'", subscription.Code, StringComparison.Ordinal);
        Assert.Contains("subjectBeginsWith: '/blobServices/default/containers/${ledgersContainerName}/blobs/'", subscription.Code, StringComparison.Ordinal);
    }

    [GeneratedRegex("%([A-Za-z0-9_:]+)%")]
    private static partial Regex PercentRegex();
}
