using Collections.Host.Hosting;
using Collections.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Host.Tests.Hosting;

/// <summary>Standalone mode runs the local Durable runtime and the ledger watcher; under a custom-handler Functions host only the runtime.</summary>
[Collection(HostingCollection.Name)]
public sealed class StandaloneServicesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Standalone_RegistersTheLocalDurableRuntimeAndTheBlobTrigger_NoQueueLoops()
    {
        await using var factory = new CollectionsHostFactory(HostTestSettings.For(azurite));

        var hosted = factory.Services.GetServices<IHostedService>().ToList();

        Assert.Single(hosted.OfType<LocalDurableRuntime>());
        Assert.Single(hosted.OfType<BlobTriggerService>());
        Assert.DoesNotContain(hosted, h => h.GetType().Name is "QueueTriggerService" or "SweeperTriggerService");
        Assert.NotNull(factory.Services.GetService<Microsoft.DurableTask.Client.DurableTaskClient>());
    }
}
