using System.Text.Json;
using Collections.Functions.Hosting;
using Collections.TestSupport;

namespace Collections.Functions.Tests.Hosting;

/// <summary>The Functions app layout (host.json, functions/*/function.json) agrees with the code and the settings.</summary>
public sealed class FunctionLayoutTests
{
    private static readonly string Root = AzuriteFixture.FindRepositoryRoot();

    [Fact]
    public void Functions_EachFolder_HasTheExpectedTrigger()
    {
        var triggers = Directory.GetDirectories(Path.Combine(Root, "functions"))
            .ToDictionary(d => Path.GetFileName(d)!, d => Bindings(Path.GetFileName(d)!)[0].GetProperty("type").GetString(), StringComparer.Ordinal);

        Assert.Equal(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Api"] = "httpTrigger",
                [FunctionInvocations.DunningTimer] = "queueTrigger",
                [FunctionInvocations.LedgerIngest] = "blobTrigger",
                [FunctionInvocations.NoticeOutbox] = "queueTrigger",
                [FunctionInvocations.Sweeper] = "timerTrigger",
            },
            triggers);
    }

    [Fact]
    public void QueueAndBlobTriggers_UseTheAppsStorageNames()
    {
        Assert.Equal(StorageNames.TimerQueue, Bindings(FunctionInvocations.DunningTimer)[0].GetProperty("queueName").GetString());
        Assert.Equal(StorageNames.OutboxQueue, Bindings(FunctionInvocations.NoticeOutbox)[0].GetProperty("queueName").GetString());
        var blob = Bindings(FunctionInvocations.LedgerIngest)[0];
        Assert.Equal(StorageNames.LedgersContainer + "/{name}", blob.GetProperty("path").GetString());
        Assert.Equal("EventGrid", blob.GetProperty("source").GetString());
        foreach (var name in new[] { FunctionInvocations.DunningTimer, FunctionInvocations.NoticeOutbox, FunctionInvocations.LedgerIngest })
        {
            Assert.Equal(HostSettings.StorageConnectionName, Bindings(name)[0].GetProperty("connection").GetString());
        }
    }

    [Fact]
    public void SweeperSchedule_MatchesTheDefaultSetting() =>
        Assert.Equal(HostTestSettings.Sample()["Sweeper:Schedule"], Bindings(FunctionInvocations.Sweeper)[0].GetProperty("schedule").GetString());

    [Fact]
    public void Api_IsAnonymousCatchAllWithHttpOutput()
    {
        var bindings = Bindings("Api");
        Assert.Equal("anonymous", bindings[0].GetProperty("authLevel").GetString());
        Assert.Equal("{*path}", bindings[0].GetProperty("route").GetString());
        Assert.Equal("http", bindings[1].GetProperty("type").GetString());
        Assert.Equal(2, bindings.Count);
    }

    [Fact]
    public void HostJson_CustomHandlerAndQueuesMatchThePublishLayoutAndSettings()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");
        Assert.Equal("handler/Collections.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        var extensions = host.RootElement.GetProperty("extensions");
        Assert.Equal("", extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        var queues = extensions.GetProperty("queues");
        var sample = HostTestSettings.Sample();
        Assert.Equal(sample["Queues:BatchSize"], queues.GetProperty("batchSize").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sample["Queues:MaxDequeueCount"], queues.GetProperty("maxDequeueCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sample["Queues:VisibilityTimeout"], queues.GetProperty("visibilityTimeout").GetString());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    private static List<JsonElement> Bindings(string function)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "functions", function, "function.json")));
        return doc.RootElement.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList();
    }
}
