using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Pipeline.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// Exports the <c>Collections</c> traces and metrics as <c>Telemetry:Exporter</c> says: <c>none</c> (nothing
/// subscribes), <c>console</c> (one compact line per span, metric totals every minute, on stdout; under the
/// Functions host stdout lands in the host's logs) or <c>otlp</c> (<c>Telemetry:OtlpEndpoint</c>, gRPC unless
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>). Wired by hand with the OpenTelemetry SDK because
/// OpenTelemetry.Extensions.Hosting and the console exporter package are not on the feed: the providers are
/// DI singletons created at start (a hosted service asks for them) and disposed, flushing, on shutdown.
/// </summary>
internal static class TelemetryServices
{
    private const string ServiceName = "collections";
    private static readonly TimeSpan ConsoleMetricInterval = TimeSpan.FromMinutes(1);

    /// <summary>Registers the exporter chosen by the settings <see cref="CollectionsServices.AddCollections"/> read.</summary>
    public static void AddCollectionsTelemetry(this WebApplicationBuilder builder, HostSettings settings)
    {
        if (string.Equals(settings.TelemetryExporter, "none", StringComparison.Ordinal))
        {
            return;
        }

        var console = string.Equals(settings.TelemetryExporter, "console", StringComparison.Ordinal);
        var httpProtobuf = string.Equals(builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        var mode = settings.UnderFunctionsHost ? "functions" : "standalone";
        var version = typeof(TelemetryServices).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        ResourceBuilder Resource() => ResourceBuilder.CreateDefault()
            .AddService(ServiceName, serviceVersion: version, serviceInstanceId: Environment.MachineName)
            .AddAttributes([new KeyValuePair<string, object>("collections.mode", mode)]);

        builder.Services.AddSingleton(_ =>
        {
            var traces = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(CollectionsTelemetry.Name);
            return console
                ? traces.AddProcessor(new SimpleActivityExportProcessor(new ConsoleSpanExporter(Console.Out))).Build()
                : traces.AddSource("Microsoft.AspNetCore").AddOtlpExporter(o => Otlp(o, settings.OtlpEndpoint!, httpProtobuf, "v1/traces")).Build();
        });
        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(CollectionsTelemetry.Name);
            return console
                ? metrics.AddReader(new PeriodicExportingMetricReader(new ConsoleMetricExporter(Console.Out), (int)ConsoleMetricInterval.TotalMilliseconds)).Build()
                : metrics
                    .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime")
                    .AddOtlpExporter(o => Otlp(o, settings.OtlpEndpoint!, httpProtobuf, "v1/metrics"))
                    .Build();
        });
        builder.Services.AddHostedService<ProviderStartup>();
    }

    private static void Otlp(OtlpExporterOptions options, Uri endpoint, bool httpProtobuf, string signalPath)
    {
        // Over http/protobuf an endpoint set in code is used as is, so the signal's path is added unless given.
        options.Protocol = httpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        options.Endpoint = httpProtobuf && endpoint.AbsolutePath is "/" or "" ? new Uri(endpoint, signalPath) : endpoint;
    }

    /// <summary>Creates the providers when the host starts, so spans and metrics flow before anything resolves them.</summary>
    private sealed class ProviderStartup(TracerProvider tracer, MeterProvider meter) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(tracer);
            GC.KeepAlive(meter);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>One line per finished span: name, duration, status and tags (identifiers only, by construction).</summary>
    private sealed class ConsoleSpanExporter(TextWriter output) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                var line = new StringBuilder("telemetry span ")
                    .Append(CultureInfo.InvariantCulture, $"\"{activity.DisplayName}\" {activity.Duration.TotalMilliseconds:0.0} ms {activity.Status}")
                    .Append(CultureInfo.InvariantCulture, $" trace={activity.TraceId}");
                foreach (var tag in activity.TagObjects)
                {
                    line.Append(CultureInfo.InvariantCulture, $" {tag.Key}={tag.Value}");
                }

                output.WriteLine(line.ToString());
            }

            return ExportResult.Success;
        }
    }

    /// <summary>Cumulative metric values per tag set, one line each.</summary>
    private sealed class ConsoleMetricExporter(TextWriter output) : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var tags = new StringBuilder();
                    foreach (var tag in point.Tags)
                    {
                        tags.Append(tags.Length == 0 ? "{" : ",").Append(CultureInfo.InvariantCulture, $"{tag.Key}={tag.Value}");
                    }

                    var value = metric.MetricType switch
                    {
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong().ToString(CultureInfo.InvariantCulture),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble().ToString(CultureInfo.InvariantCulture),
                        MetricType.LongGauge => point.GetGaugeLastValueLong().ToString(CultureInfo.InvariantCulture),
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble().ToString(CultureInfo.InvariantCulture),
                        MetricType.Histogram => string.Create(CultureInfo.InvariantCulture, $"count={point.GetHistogramCount()} sum={point.GetHistogramSum():0.###}"),
                        _ => metric.MetricType.ToString(),
                    };
                    output.WriteLine($"telemetry metric {metric.Name}{tags}{(tags.Length > 0 ? "}" : "")} {value} {metric.Unit}".TrimEnd());
                }
            }

            return ExportResult.Success;
        }
    }
}
