using Collections.Host.Hosting;
using Collections.Notices;
using Collections.Notices.Email;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Collections.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Host.Tests.Durable;

/// <summary>A generic host running the production case composition and local Durable runtime on Azurite.</summary>
internal sealed class LocalDurableHost : IAsyncDisposable
{
    private readonly IHost _host;

    private LocalDurableHost(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public ICaseProjectionStore Store => _host.Services.GetRequiredService<ICaseProjectionStore>();

    public PolicyCatalog Policies => _host.Services.GetRequiredService<PolicyCatalog>();

    public static async Task<LocalDurableHost> StartAsync(AzuriteFixture azurite, string hub, string workerId, string table, IEmailSender sender)
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
        builder.Services.AddSingleton<INoticeRenderer>(NoticeRenderer.Create(Notices()));
        builder.Services.AddSingleton(sender);
        builder.Services.AddSingleton<IEvidenceStore>(new InMemoryEvidenceStore());
        builder.Services.AddCaseOrchestration(builder.Configuration, ShortLadder.Policy, new CaseOptions { ProjectionTable = table });
        await new Azure.Data.Tables.TableClient(azurite.ConnectionString, table).CreateIfNotExistsAsync();
        var host = builder.Build();
        await host.StartAsync();
        return new LocalDurableHost(host);
    }

    private static NoticeOptions Notices() => new()
    {
        Creditors =
        {
            ["default"] = new CreditorOptions
            {
                ContactEmail = "ar@contoso.example",
                ContactPhone = "+44 20 5555 0100",
                English = new CreditorLocaleOptions { CompanyName = "Contoso Trading Ltd", Address = "1 Poultry, London EC2R 8EJ", ContactPerson = "Accounts Receivable" },
                ChineseSimplified = new CreditorLocaleOptions { CompanyName = "康拓贸易有限公司", Address = "英国伦敦Poultry 1号", ContactPerson = "应收账款部" },
                BankAccounts =
                [
                    new BankAccountOptions
                    {
                        Currency = "EUR",
                        AccountNumber = "GB00 0000 0000 0000",
                        English = new BankAccountLocaleOptions { BankName = "Example Bank, London", AccountName = "Contoso Trading Ltd" },
                        ChineseSimplified = new BankAccountLocaleOptions { BankName = "示例银行伦敦分行", AccountName = "Contoso Trading Ltd" },
                    },
                ],
            },
        },
        SupervisorEmail = "supervisor@contoso.example",
        LegalEmail = "legal@contoso.example",
    };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
