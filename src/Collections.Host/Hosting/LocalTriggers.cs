namespace Collections.Host.Hosting;

/// <summary>
/// The local host's triggers: the local Durable runtime (where the Functions host runs the orchestration and activity
/// triggers) and the watcher of the ledgers container (where the Functions app has its blob trigger).
/// </summary>
internal static class LocalTriggers
{
    public static IServiceCollection AddLocalTriggers(this IServiceCollection services, IConfiguration config)
    {
        services.AddLocalDurableRuntime(config);
        services.AddHostedService<BlobTriggerService>();
        return services;
    }
}
