using System.Net;
using System.Reflection;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace Collections.Host.Hosting;

/// <summary>
/// The Durable runtime of the local host, in one replaceable place (durable.md): the Durable Task Framework's
/// <see cref="AzureStorageOrchestrationService"/> on the configured storage (Azurite locally), served by the
/// public <see cref="TaskHubGrpcServer"/> sidecar of Microsoft.DurableTask.InProcessTestHost over HTTP/2
/// cleartext gRPC on a loopback port, and the SDK's worker and client connected to it. The task hub's tables,
/// queues and blobs are the layout Durable Functions writes. In Azure the Functions host plays this part.
/// </summary>
internal sealed class LocalDurableRuntime : IHostedService, IAsyncDisposable
{
    private readonly LocalDurableOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AzureStorageOrchestrationService _service;
    private WebApplication? _sidecar;
    private GrpcChannel? _channel;

    public LocalDurableRuntime(LocalDurableOptions options, ILoggerFactory loggers)
    {
        _options = options;
        _loggers = loggers;
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            WorkerId = options.WorkerId,
            // Service versions pinned to what Azurite (3.35) and Azure both speak; the clients' newest default is refused by Azurite.
            StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(options.StorageConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05)),
                StorageServiceClientProvider.ForQueue(options.StorageConnectionString, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05)),
                StorageServiceClientProvider.ForTable(options.StorageConnectionString, new Azure.Data.Tables.TableClientOptions())),
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            PartitionCount = options.PartitionCount,
            LoggerFactory = loggers,
        });
    }

    /// <summary>The task hub.</summary>
    public string HubName => _options.HubName;

    /// <summary>The sidecar's address once started.</summary>
    public Uri? Address { get; private set; }

    /// <summary>
    /// Registers the runtime, then the SDK's worker (with <paramref name="tasks"/>) and client over its channel.
    /// The runtime is a hosted service registered first, so the sidecar listens before the worker connects.
    /// </summary>
    public static void AddTo(IServiceCollection services, IConfiguration config, Action<DurableTaskRegistry> tasks)
    {
        var options = LocalDurableOptions.Read(config);
        services.AddSingleton(sp => new LocalDurableRuntime(options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<LocalDurableRuntime>());
        services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(tasks);
            b.UseGrpc();
        });
        services.AddDurableTaskClient(b => b.UseGrpc());
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName).Configure<LocalDurableRuntime>((o, runtime) => o.Channel = runtime.Channel());
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName).Configure<LocalDurableRuntime>((o, runtime) => o.Channel = runtime.Channel());
    }

    /// <summary>Creates the task hub if missing (the sidecar never does), then starts the sidecar on a free loopback port.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_sidecar is not null)
            {
                return;
            }

            await _service.CreateIfNotExistsAsync();
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.Sources.Clear();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(_loggers);
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc();
            builder.Services.AddSingleton<IOrchestrationService>(_service);
            builder.Services.AddSingleton<IOrchestrationServiceClient>(_service);
            builder.Services.AddSingleton<TaskHubGrpcServer>();
            var app = builder.Build();
            app.MapGrpcService<TaskHubGrpcServer>();
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            _channel = GrpcChannel.ForAddress(Address);
            _sidecar = app;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the sidecar (the worker, registered later, has stopped already).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is { } app)
        {
            if (!ServiceStarted())
            {
                // No worker ever connected, so the sidecar never started the orchestration service. Its stopping event
                // would stop it anyway, and the framework's StopAsync throws on a service it did not start, from an
                // async void handler, which ends the process. Nothing runs: DisposeAsync closes the sidecar without it.
                return;
            }

            await app.StopAsync(cancellationToken);
            try
            {
                await _service.StopAsync(isForced: false);
            }
            catch (NullReferenceException)
            {
                // The framework's StopAsync dereferences what its StartAsync creates; the sidecar starts the service only
                // once a worker connects, so a host stopped before that has nothing to stop.
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_sidecar is { } app)
        {
            await app.DisposeAsync();
        }

        _channel?.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// Whether the orchestration service runs. The framework exposes no such property; its private flag is read
    /// (hand-written because no package offers it; if a later version renames the flag, the service counts as started,
    /// the previous behaviour).
    /// </summary>
    private bool ServiceStarted() =>
        typeof(AzureStorageOrchestrationService).GetField("isStarted", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(_service) as bool? ?? true;

    /// <summary>The channel to the sidecar, starting it if the worker or client is resolved before the host started.</summary>
    private GrpcChannel Channel()
    {
        if (_channel is null)
        {
            // Only reached when a client is resolved before the host starts (options are built lazily); start-up is one-off.
#pragma warning disable MA0045, CA2016
            StartAsync(CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore MA0045, CA2016
        }

        return _channel!;
    }
}
