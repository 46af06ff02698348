using System.Text.Json;
using Collections.Functions.Api;
using Collections.Functions.Dashboard;
using Collections.Functions.Ingest;
using Collections.Functions.Tests.Api;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Orchestration;
using static Collections.Functions.Tests.Hosting.FunctionsMetadata;

namespace Collections.Functions.Tests.Hosting;

/// <summary>
/// The generated <c>functions.metadata</c> (what the Functions host indexes) checked function by function: trigger
/// types, the Event Grid blob trigger on the ledgers container, the timer schedule, the orchestration and activity
/// names, and HTTP routes equal to the local host's.
/// </summary>
public sealed class FunctionsMetadataTests
{
    /// <summary>The orchestration the local Durable runtime registers (<see cref="CaseTaskRegistration.AddCaseTasks"/>).</summary>
    internal static readonly string[] Orchestrations = [CaseTasks.Orchestrator];

    /// <summary>The activities the local Durable runtime registers.</summary>
    internal static readonly string[] Activities = [CaseTasks.SaveCase, CaseTasks.SendNotice, CaseTasks.WriteEvidence];

    [Fact]
    public void Functions_EveryFunction_IsExpected()
    {
        var expected = OperationsRoutes.All.Select(r => r.Name)
            .Concat([LedgerIngestFunctions.LedgerIngest, LedgerIngestFunctions.LedgerCatchUp, DashboardFunction.Name])
            .Concat(Orchestrations)
            .Concat(Activities)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, AllFunctions().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LedgerIngest_EventGridBlobTriggerOnTheLedgersContainer()
    {
        var trigger = Trigger(LedgerIngestFunctions.LedgerIngest);

        Assert.Equal("blobTrigger", Text(trigger, "type"));
        Assert.Equal("ledgers/{name}", Text(trigger, "path"));
        // Flex Consumption runs only the event-based blob trigger.
        Assert.Equal("EventGrid", Text(trigger, "source"));
        Assert.Equal("AzureWebJobsStorage", Text(trigger, "connection"));
        Assert.Equal(new LedgerIngestOptions().LedgersContainer, Text(trigger, "path")!.Split('/')[0]);
    }

    [Fact]
    public void LedgerCatchUp_TimerEvery15MinutesReadingTheLedgersContainer()
    {
        var trigger = Trigger(LedgerIngestFunctions.LedgerCatchUp);
        var container = Assert.Single(AllFunctions()[LedgerIngestFunctions.LedgerCatchUp], b => Text(b, "type") == "blob");

        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal("0 */15 * * * *", Text(trigger, "schedule"));
        Assert.Equal(6, Text(trigger, "schedule")!.Split(' ').Length);
        Assert.Equal("ledgers", Text(container, "blobPath"));
        Assert.Equal("AzureWebJobsStorage", Text(container, "connection"));
    }

    [Fact]
    public void DurableFunctions_NamesEqualTheNamesTheWorkerRegisters()
    {
        Assert.Equal(Orchestrations.Order(StringComparer.Ordinal), NamesWithTrigger("orchestrationTrigger"));
        Assert.Equal(Activities.Order(StringComparer.Ordinal), NamesWithTrigger("activityTrigger"));
    }

    [Fact]
    public void HttpFunctions_EqualTheRouteTable_AnonymousAtTheHost()
    {
        foreach (var route in OperationsRoutes.All)
        {
            var trigger = Trigger(route.Name);
            Assert.Equal("httpTrigger", Text(trigger, "type"));
            Assert.Equal(route.Template, Text(trigger, "route"));
            Assert.Equal([route.Method.ToLowerInvariant()], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
            // The API checks its own reader/operator keys; a host-level function key would reject them.
            Assert.Equal("Anonymous", Text(trigger, "authLevel"), ignoreCase: true);
            Assert.Contains(AllFunctions()[route.Name], b => Text(b, "type") == "http" && Text(b, "direction") is "Out" or "out");
        }

        Assert.Equal(OperationsRoutes.All.Count, NamesWithTrigger("httpTrigger").Count - 1);
    }

    [Fact]
    public void HttpRoutes_EqualTheLocalHostsEndpoints()
    {
        var host = LocalHostRoutes.Read()
            .Select(r => $"{r.Method} /{r.Template} [{string.Join(",", r.Policies)}]")
            .Order(StringComparer.Ordinal);
        var functions = AllFunctions()
            .Where(f => f.Key != DashboardFunction.Name && f.Value.Any(b => Text(b, "type") == "httpTrigger"))
            .Select(f => (Trigger(f.Key), OperationsRoutes.Named(f.Key)))
            .Select(x => $"{x.Item1.GetProperty("methods")[0].GetString()!.ToUpperInvariant()} /{Text(x.Item1, "route")} [{string.Join(",", x.Item2.Policies.Order(StringComparer.Ordinal))}]")
            .Order(StringComparer.Ordinal);

        Assert.Equal(host, functions);
    }

    [Fact]
    public void HttpRoutes_NamesEqualTheLocalHostsEndpointNames()
    {
        var named = LocalHostRoutes.Read().Where(r => r.Name is not null).ToDictionary(r => r.Template, r => r.Name, StringComparer.Ordinal);

        // Every endpoint the host names has a function of that name; the OpenAPI document has no name in the host.
        Assert.All(OperationsRoutes.All.Where(r => named.ContainsKey(r.Template)), r => Assert.Equal(named[r.Template], r.Name));
        Assert.True(named.Count >= OperationsRoutes.All.Count - 1, "the host names fewer endpoints than expected: " + string.Join(", ", named.Values));
    }

    [Fact]
    public void Dashboard_CatchAllGetAndHead()
    {
        var trigger = Trigger(DashboardFunction.Name);

        Assert.Equal("{*path}", Text(trigger, "route"));
        Assert.Equal(["get", "head"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void ExtensionPayload_ListsBlobsAndDurableTaskAndShipsTheirAssemblies()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.AppOutput("extensions.json")));
        var names = doc.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();

        Assert.Contains("AzureStorageBlobs", names);
        Assert.Contains("DurableTask", names);
        foreach (var hint in doc.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("hintPath").GetString()!))
        {
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryFiles.AppOutput("extensions.json"))!, hint)), hint + " is missing");
        }
    }
}
