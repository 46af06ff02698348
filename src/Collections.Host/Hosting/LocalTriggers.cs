using Azure.Storage.Queues;
using Collections.Operations.Hosting;
using Collections.Pipeline.Cases;

namespace Collections.Host.Hosting;

/// <summary>The local host's triggers: in-process loops standing where the Functions app has trigger functions.</summary>
internal static class LocalTriggers
{
    public static IServiceCollection AddLocalTriggers(this IServiceCollection services, HostSettings settings)
    {
        if (settings.UnderFunctionsHost)
        {
            return services;
        }

        // AddHostedService would keep only one of two registrations of the same type: register the pumps directly.
        services.AddSingleton<IHostedService>(sp => new QueueTriggerService(
            sp.GetRequiredService<QueueServiceClient>(), StorageNames.TimerQueue, sp.GetRequiredService<CaseMessageHandler>().HandleTimerAsync, settings, sp.GetRequiredService<ILogger<QueueTriggerService>>()));
        services.AddSingleton<IHostedService>(sp => new QueueTriggerService(
            sp.GetRequiredService<QueueServiceClient>(), StorageNames.OutboxQueue, sp.GetRequiredService<CaseMessageHandler>().HandleOutboxAsync, settings, sp.GetRequiredService<ILogger<QueueTriggerService>>()));
        services.AddHostedService<SweeperTriggerService>();
        services.AddHostedService<BlobTriggerService>();
        return services;
    }
}
