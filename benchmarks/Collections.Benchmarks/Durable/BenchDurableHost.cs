using Azure.Data.Tables;
using Collections.Host.Hosting;
using Collections.Operations.Hosting;
using Collections.Notices;
using Collections.Notices.Email;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Projections;
using Collections.Pipeline.WriteOffs;
using Collections.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collections.Benchmarks.Durable;

/// <summary>
/// A generic host with the product's local Durable runtime (<see cref="LocalDurableRuntime"/>: Azure Storage backend,
/// gRPC sidecar, SDK worker and client) running the product's case orchestrator and activities on the projection
/// table, as <c>CaseServices.AddCaseOrchestration</c> composes them, except that the orchestrator may see a
/// fast <see cref="Pipeline.Clock.AcceleratedTimeProvider"/>; plus the floor's trivial orchestration.
/// </summary>
internal sealed class BenchDurableHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchDurableHost(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public PolicyCatalog Policies => _host.Services.GetRequiredService<PolicyCatalog>();

    public static async Task<BenchDurableHost> StartAsync(BenchHostSettings settings, IEmailSender sender, IEvidenceStore evidence)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [HostSettings.StorageConnectionName] = settings.Connection,
            ["Durable:HubName"] = settings.Hub,
            ["Durable:WorkerId"] = settings.WorkerId,
            ["Durable:MaxQueuePollingInterval"] = "00:00:01",
        });
        builder.Configuration.AddInMemoryCollection(settings.Runtime.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        builder.Services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));
        builder.Services.AddSingleton<INoticeRenderer>(NoticeRenderer.Create(TestNotices.Options()));
        builder.Services.AddSingleton(sender);
        builder.Services.AddSingleton(evidence);
        var policies = new PolicyCatalog(BenchLadder.Policy);
        builder.Services.AddSingleton(policies);
        builder.Services.AddSingleton(new CaseOptions { ProjectionTable = settings.Table, ResendInterruptedSends = settings.ResendInterruptedSends });
        var table = new TableClient(settings.Connection, settings.Table);
        await table.CreateIfNotExistsAsync();
        ICaseProjectionStore store = new TableCaseProjectionStore(table);
        builder.Services.AddSingleton<ICaseProjectionStore>(settings.FirstSaves is { } saves ? new RecordingProjectionStore(store, saves) : store);
        // SaveCase records write-offs; no benchmark or chaos case is written off, so the register stays in memory.
        builder.Services.AddSingleton<IWriteOffRegister>(new InMemoryWriteOffRegister());
        LocalDurableRuntime.AddTo(builder.Services, builder.Configuration, r =>
        {
            r.AddOrchestrator(CaseTasks.Orchestrator, () => settings.Clock is { } clock
                ? new WarpedOrchestrator(new CaseOrchestrator(policies), clock)
                : new CaseOrchestrator(policies));
            r.AddCaseActivities();
            r.AddFloorTasks();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchDurableHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
