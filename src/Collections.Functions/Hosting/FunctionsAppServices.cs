using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Collections.Functions.Api;
using Collections.Operations.Apis;
using Collections.Operations.Hosting;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Diagnostics;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collections.Functions.Hosting;

/// <summary>
/// The Functions app's composition: the shared one (<see cref="CollectionsServices.AddCollections"/> and
/// <see cref="OperationsApi.AddOperationsApi"/>, as the local host calls them), then what only this app has: the
/// per-invocation Durable Task client, the operations API's dispatcher and the worker's telemetry.
/// </summary>
internal static class FunctionsAppServices
{
    /// <summary>Application Insights, as the Functions host names it (infra sets it; absent locally).</summary>
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static FunctionsApplicationBuilder AddCollectionsFunctionsApp(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCollectionsFunctions();
        AddTelemetry(builder);
        return builder;
    }

    /// <summary>Everything but telemetry, on any host builder (tests compose it without a Functions host).</summary>
    internal static HostSettings AddCollectionsFunctions(this IHostApplicationBuilder builder)
    {
        var settings = builder.AddCollections();
        // Health and telemetry report the hosting mode ("functions"); nothing else reads it here.
        settings.UnderFunctionsHost = true;
        var services = builder.Services;
        services.AddOperationsApi();
        services.AddRouting();
        services.AddSingleton<OperationsHandlers>();
        services.AddSingleton<OperationsDispatcher>();

        // The OpenAPI document describes what the API explorer finds in the app's EndpointDataSource. The Functions host
        // routes to functions, so the shared endpoints live in OperationsHandlers only: that is the source it reads.
        services.Replace(ServiceDescriptor.Singleton<EndpointDataSource>(sp => new DefaultEndpointDataSource(sp.GetRequiredService<OperationsHandlers>().Endpoints)));

        // The Durable Task client is the invocation's [DurableClient] binding here (InvocationDurableClient), not a
        // singleton as in the local host: what the shared composition builds over it lives per invocation too.
        InvocationDurableClient.Register(services);
        PerInvocation<ICaseSignals>(services);
        PerInvocation<LedgerIngestProcessor>(services);
        return settings;
    }

    /// <summary>Re-registers the shared composition's registration of <typeparamref name="T"/>, unchanged but scoped.</summary>
    private static void PerInvocation<T>(IServiceCollection services)
    {
        var shared = services.Last(d => d.ServiceType == typeof(T) && !d.IsKeyedService);
        services.Replace(shared switch
        {
            { ImplementationFactory: { } factory } => ServiceDescriptor.Scoped(typeof(T), factory),
            { ImplementationType: { } type } => ServiceDescriptor.Scoped(typeof(T), type),
            _ => throw new InvalidOperationException($"{typeof(T).Name} is registered as an instance; it cannot follow the invocation's Durable Task client"),
        });
    }

    /// <summary>
    /// OpenTelemetry in the worker (host.json <c>telemetryMode: OpenTelemetry</c> does the same in the host): the
    /// Functions invocation spans, the product's own source and meter, to Application Insights with the managed
    /// identity (local authentication is off on the component; AZURE_CLIENT_ID names the user-assigned identity).
    /// </summary>
    private static void AddTelemetry(FunctionsApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(t => t.AddSource(CollectionsTelemetry.Name))
            .WithMetrics(m => m.AddMeter(CollectionsTelemetry.Name));
        if (!string.IsNullOrEmpty(builder.Configuration[AppInsightsConnectionString]))
        {
            otel.UseAzureMonitorExporter(o => o.Credential = new DefaultAzureCredential());
        }
    }
}
