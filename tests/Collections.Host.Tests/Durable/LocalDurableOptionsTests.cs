using System.Text.Json;
using Collections.Host.Hosting;
using Collections.Host.Tests.Infra;
using Collections.Operations.Hosting;
using Microsoft.Extensions.Configuration;

namespace Collections.Host.Tests.Durable;

/// <summary>The local Durable runtime's task hub is the Functions app's: same name, from settings.</summary>
public sealed class LocalDurableOptionsTests
{
    [Fact]
    public void DefaultHubName_EqualsTheFunctionsAppsHostJsonHubName()
    {
        using var hostJson = JsonDocument.Parse(RepositoryFiles.Read("src/Collections.Functions/host.json"));

        var hubName = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString();

        Assert.Equal(LocalDurableOptions.DefaultHubName, hubName);
        Assert.Equal(hubName, LocalDurableOptions.Read(Config(new())).HubName);
    }

    [Fact]
    public void Read_DurableSettings_OverrideTheDefaults()
    {
        var options = LocalDurableOptions.Read(Config(new() { ["Durable:HubName"] = "OtherHub", ["Durable:WorkerId"] = "worker-7", ["Durable:MaxQueuePollingInterval"] = "00:00:01" }));

        Assert.Equal(("OtherHub", "worker-7", TimeSpan.FromSeconds(1)), (options.HubName, options.WorkerId, options.MaxQueuePollingInterval));
    }

    private static IConfiguration Config(Dictionary<string, string?> values)
    {
        values[HostSettings.StorageConnectionName] = "UseDevelopmentStorage=true";
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
