using Collections.Domain.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// Composes the cases: the policy catalog, the projection table (Azure.Data.Tables) and the local Durable runtime
/// running the case orchestrator and activities. The notice renderer, e-mail sender and evidence store come from
/// the caller's registrations.
/// </summary>
internal static class CaseServices
{
    public static IServiceCollection AddCaseOrchestration(this IServiceCollection services, IConfiguration config, DunningPolicy policy, CaseOptions options)
    {
        var policies = new PolicyCatalog(policy);
        services.AddSingleton(policies);
        services.AddSingleton(options);
        var connection = config[HostSettings.StorageConnectionName];
        services.AddSingleton<ICaseProjectionStore>(_ => new TableCaseProjectionStore(new Azure.Data.Tables.TableClient(connection, options.ProjectionTable)));
        services.TryAddSingleton<Collections.Pipeline.WriteOffs.IWriteOffRegister>(_ => new Collections.Pipeline.Storage.TableWriteOffRegister(new Azure.Data.Tables.TableClient(connection, options.WriteOffTable)));
        LocalDurableRuntime.AddTo(services, config, r => r.AddCaseTasks(policies));
        return services;
    }
}
