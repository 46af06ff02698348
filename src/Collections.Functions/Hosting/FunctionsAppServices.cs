using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Collections.Functions.Api;
using Collections.Pipeline.Diagnostics;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collections.Functions.Hosting;

/// <summary>What the Functions app adds to the shared composition: telemetry, the operations API's dispatcher.</summary>
internal static class FunctionsAppServices
{
    /// <summary>Application Insights, as the Functions host names it (infra sets it; absent locally).</summary>
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static FunctionsApplicationBuilder AddCollectionsFunctionsApp(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // The operations API: ASP.NET Core's authorization evaluator and ProblemDetails; the key scheme and its two
        // policies come with the shared AddOperationsApi (see OperationsHandlers).
        services.AddProblemDetails();
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddSingleton<OperationsHandlers>();
        services.AddSingleton<OperationsDispatcher>();

        AddTelemetry(builder);
        return builder;
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
