using Collections.Domain.Policy;
using Collections.Operations.Hosting;
using Collections.Pipeline.Clock;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Host.Hosting;

/// <summary>
/// Composes the cases of the local host: the local Durable runtime running the case orchestrator and activities,
/// with the SDK's <c>DurableTaskClient</c> as a singleton. The policy catalog, case options and projection store
/// come from the shared composition (<c>AddCollections</c>); the notice renderer, e-mail sender and evidence store too.
/// </summary>
internal static class CaseServices
{
    /// <summary>Adds the local Durable runtime for the policy catalog registered by <c>AddCollections</c>.</summary>
    public static IServiceCollection AddLocalDurableRuntime(this IServiceCollection services, IConfiguration config)
    {
        // The SDK builds orchestrators without dependency injection: the registered catalog instance goes in here.
        var policies = Registered<PolicyCatalog>(services)
            ?? throw new InvalidOperationException("AddCollections registers the policy catalog before the local Durable runtime.");
        // A fast clock (Clock:Speed > 1, the demo) reaches the orchestrations too: the registered instance itself, so
        // they see the virtual time the API and ingest see, and their durable timers fire at the real instants of their
        // virtual ones. Its anchor is the instant this process started, so it suits fresh demo data: a restart starts a
        // new virtual timeline.
        var clock = Registered<TimeProvider>(services) as AcceleratedTimeProvider;
        LocalDurableRuntime.AddTo(services, config, r =>
        {
            if (clock is null)
            {
                r.AddCaseTasks(policies);
                return;
            }

            r.AddOrchestrator(CaseTasks.Orchestrator, () => new WarpedOrchestrator(new CaseOrchestrator(policies), clock));
            r.AddCaseActivities();
        });
        return services;
    }

    /// <summary>The instance last registered for <typeparamref name="T"/>, or null (none, or registered by factory).</summary>
    private static T? Registered<T>(IServiceCollection services)
        where T : class =>
        services.LastOrDefault(d => d.ServiceType == typeof(T))?.ImplementationInstance as T;

    /// <summary>The cases alone (tests): policy catalog, options, the projection table on the storage connection, and the runtime.</summary>
    public static IServiceCollection AddCaseOrchestration(this IServiceCollection services, IConfiguration config, DunningPolicy policy, CaseOptions options)
    {
        services.TryAddSingleton(new PolicyCatalog(policy));
        services.TryAddSingleton(options);
        var connection = config[HostSettings.StorageConnectionName];
        services.TryAddSingleton<ICaseProjectionStore>(_ => new TableCaseProjectionStore(new Azure.Data.Tables.TableClient(connection, options.ProjectionTable)));
        services.TryAddSingleton<Collections.Pipeline.WriteOffs.IWriteOffRegister>(_ => new Collections.Pipeline.Storage.TableWriteOffRegister(new Azure.Data.Tables.TableClient(connection, options.WriteOffTable)));
        return services.AddLocalDurableRuntime(config);
    }
}
