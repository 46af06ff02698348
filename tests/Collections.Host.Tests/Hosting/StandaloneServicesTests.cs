using Collections.Host.Hosting;
using Collections.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Host.Tests.Hosting;

/// <summary>Standalone mode runs one loop per Functions trigger; under the Functions host it runs none.</summary>
[Collection(HostingCollection.Name)]
public sealed class StandaloneServicesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Standalone_RegistersAPumpForEachQueueTheSweeperAndTheBlobTrigger()
    {
        await using var factory = new CollectionsHostFactory(HostTestSettings.For(azurite));

        var hosted = factory.Services.GetServices<IHostedService>().ToList();

        // Two queue triggers: dunning-timers and notices-outbox. AddHostedService(factory) de-duplicates by type,
        // so registering the second pump that way silently drops it.
        Assert.Equal(2, hosted.OfType<QueueTriggerService>().Count());
        Assert.Single(hosted.OfType<SweeperTriggerService>());
        Assert.Single(hosted.OfType<BlobTriggerService>());
    }
}
