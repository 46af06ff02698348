using System.Text.Json;

namespace Collections.Functions.Tests.Hosting;

/// <summary>The Functions app's host.json (the one the build copies into the package) and what it must no longer hold.</summary>
public sealed class HostJsonTests
{
    private static JsonElement Root()
    {
        using var doc = JsonDocument.Parse(RepositoryFiles.Read("src/Collections.Functions/host.json"));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void HostJson_DurableTask_HubAndAzureStorageProviderOnTheHostConnection()
    {
        var durable = Root().GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal("CollectionsHub", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal("AzureWebJobsStorage", durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
    }

    [Fact]
    public void HostJson_EmptyRoutePrefix_TheApiRoutesCarryApiThemselves()
    {
        // The dashboard shell lives at /, /cases/{id} and /files/{id}; the API's routes all start with api/.
        Assert.Equal(string.Empty, Root().GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.All(Collections.Functions.Api.OperationsRoutes.All, r => Assert.StartsWith("api/", r.Template, StringComparison.Ordinal));
    }

    [Fact]
    public void HostJson_OpenTelemetryAndNoCustomHandlerOrBundle()
    {
        var root = Root();

        Assert.Equal("OpenTelemetry", root.GetProperty("telemetryMode").GetString());
        Assert.False(root.TryGetProperty("customHandler", out _));
        // The isolated worker ships its extensions in .azurefunctions; a bundle would load a second set.
        Assert.False(root.TryGetProperty("extensionBundle", out _));
    }

    [Fact]
    public void BuildOutput_CarriesTheProjectsHostJson_AndNoCustomHandlerLayoutIsLeft()
    {
        Assert.Equal(RepositoryFiles.Read("src/Collections.Functions/host.json"), File.ReadAllText(RepositoryFiles.AppOutput("host.json")));
        Assert.False(Directory.Exists(RepositoryFiles.PathOf("functions")), "functions/*/function.json folders belong to the custom handler");
        Assert.False(File.Exists(RepositoryFiles.PathOf("host.json")), "the only host.json is the Functions project's");
    }
}
