using Collections.Host.Hosting;
using Collections.Notices;
using Collections.Notices.Email;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Collections.Pipeline.WriteOffs;
using Collections.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Durable;

/// <summary>A generic host running the production case composition and local Durable runtime on Azurite.</summary>
internal sealed class LocalDurableHost : IAsyncDisposable
{
    private readonly IHost _host;

    private LocalDurableHost(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public ICaseProjectionStore Store => _host.Services.GetRequiredService<ICaseProjectionStore>();

    public PolicyCatalog Policies => _host.Services.GetRequiredService<PolicyCatalog>();

    public IWriteOffRegister WriteOffs => _host.Services.GetRequiredService<IWriteOffRegister>();

    /// <summary>Starts the host; a <paramref name="clock"/> is registered as the app's <see cref="TimeProvider"/> first (as a fast clock is in the local host).</summary>
    public static async Task<LocalDurableHost> StartAsync(AzuriteFixture azurite, string hub, string workerId, string table, IEmailSender sender, TimeProvider? clock = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [HostSettings.StorageConnectionName] = azurite.ConnectionString,
            ["Durable:HubName"] = hub,
            ["Durable:WorkerId"] = workerId,
            ["Durable:MaxQueuePollingInterval"] = "00:00:01",
        });
        builder.Services.AddLogging();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddSingleton<INoticeRenderer>(NoticeRenderer.Create(TestNotices.Options()));
        builder.Services.AddSingleton(sender);
        builder.Services.AddSingleton<IEvidenceStore>(new InMemoryEvidenceStore());
        builder.Services.AddCaseOrchestration(builder.Configuration, ShortLadder.Policy, new CaseOptions { ProjectionTable = table, WriteOffTable = table + "wo" });
        await new Azure.Data.Tables.TableClient(azurite.ConnectionString, table).CreateIfNotExistsAsync();
        await new Azure.Data.Tables.TableClient(azurite.ConnectionString, table + "wo").CreateIfNotExistsAsync();
        var host = builder.Build();
        await host.StartAsync();
        return new LocalDurableHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
