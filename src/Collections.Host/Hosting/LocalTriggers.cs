using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// The local host's triggers: the local Durable runtime (where the Functions host runs the orchestration and activity
/// triggers) and the watcher of the ledgers container (where the Functions app has its blob trigger).
/// </summary>
internal static class LocalTriggers
{
    public static IServiceCollection AddLocalTriggers(this IServiceCollection services, IConfiguration config, HostSettings settings)
    {
        // Cases need a Durable runtime under a custom-handler Functions host too (it runs no Durable triggers for it).
        services.AddLocalDurableRuntime(config);
        if (!settings.UnderFunctionsHost)
        {
            services.AddHostedService<BlobTriggerService>();
        }

        return services;
    }
}
