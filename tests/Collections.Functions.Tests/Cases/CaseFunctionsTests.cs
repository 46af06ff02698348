using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Functions.Cases;
using Collections.Functions.Tests.Api;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Collections.Pipeline.WriteOffs;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using static Collections.Functions.Tests.Hosting.FunctionsMetadata;

namespace Collections.Functions.Tests.Cases;

/// <summary>The Durable Functions wrappers: the names the local runtime registers, and the shared classes behind them.</summary>
public sealed class CaseFunctionsTests
{
    [Fact]
    public void DurableFunctions_EveryOrchestrationAndActivityName_IsRegisteredByTheLocalRuntime()
    {
        // DurableTaskRegistry refuses a second task under a name it holds: each refusal proves the local host registers it.
        var registry = new DurableTaskRegistry().AddCaseTasks(new PolicyCatalog(DunningPolicy.Default));
        var orchestrations = NamesWithTrigger("orchestrationTrigger");
        var activities = NamesWithTrigger("activityTrigger");

        Assert.NotEmpty(orchestrations);
        Assert.NotEmpty(activities);
        Assert.All(orchestrations, name => Assert.Throws<ArgumentException>(() => registry.AddOrchestrator(name, () => new CaseOrchestrator(new PolicyCatalog(DunningPolicy.Default)))));
        Assert.All(activities, name => Assert.Throws<ArgumentException>(() => registry.AddActivity(name, _ => new WriteEvidenceActivity(null!, null!))));
    }

    [Fact]
    public async Task SaveCase_Request_TheSharedActivityWritesTheProjection()
    {
        var store = new InMemoryCaseProjectionStore();
        await using var services = new ServiceCollection().AddSingleton<ICaseProjectionStore>(store).AddSingleton<IWriteOffRegister>(new InMemoryWriteOffRegister()).BuildServiceProvider();
        var state = CaseState.New("uk01-C042", new AccountKey("uk01", "C042"), new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        var request = new SaveCaseRequest(state.CaseId, JsonSerializer.Serialize(state, CaseJson.Options), 1, "[]", []);

        var saved = await CaseFunctions.SaveCase(request, state.CaseId, new FakeFunctionContext(services, new Dictionary<string, object?>(StringComparer.Ordinal)));

        Assert.True(saved);
        Assert.Equal("uk01-C042", Assert.Single(store.All).CaseId);
    }
}
