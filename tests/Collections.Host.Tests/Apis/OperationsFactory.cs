using Collections.Host.Hosting;
using Collections.Notices.Email;
using Collections.Pipeline.Clock;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// The real host (Program) over the test Azurite, with a manual clock for the API, the local Durable runtime (a task
/// hub of its own; the orchestrations run on the wall clock), no blob watcher and an e-mail sender that only records.
/// Settings go in with UseSetting: Program reads them while building, and host settings are visible then.
/// </summary>
internal sealed class OperationsFactory(
    string storageConnectionString,
    ManualTimeProvider clock,
    string? environment = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public const string ReaderKey = "reader-key-0123456789abcdef";
    public const string OperatorKey = "operator-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings(storageConnectionString))
        {
            builder.UseSetting(key, value);
        }

        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            configureServices?.Invoke(services);
            services.AddSingleton<IEmailSender, NullEmailSender>();
            foreach (var d in services.Where(IsTriggerLoop).ToList())
            {
                services.Remove(d);
            }
        });
    }

    public static Dictionary<string, string> Settings(string storage)
    {
        var settings = BaseSettings(storage);
        foreach (var entity in (string[])["default", "ops", "act", "kpi", "uk01", "cn01", "us01"])
        {
            settings[$"Notices:Creditors:{entity}:ContactEmail"] = "ar@contoso.example";
            settings[$"Notices:Creditors:{entity}:ContactPhone"] = "+86 21 5555 0100";
            settings[$"Notices:Creditors:{entity}:English:CompanyName"] = "Contoso Trading Ltd.";
            settings[$"Notices:Creditors:{entity}:English:Address"] = "88 Century Avenue, Shanghai";
            settings[$"Notices:Creditors:{entity}:English:ContactPerson"] = "Maria Keller";
            settings[$"Notices:Creditors:{entity}:ChineseSimplified:CompanyName"] = "康拓贸易有限公司";
            settings[$"Notices:Creditors:{entity}:ChineseSimplified:Address"] = "上海市世纪大道88号";
            settings[$"Notices:Creditors:{entity}:ChineseSimplified:ContactPerson"] = "王芳";
            settings[$"Notices:Creditors:{entity}:BankAccounts:0:Currency"] = "EUR";
            settings[$"Notices:Creditors:{entity}:BankAccounts:0:AccountNumber"] = "DE89 3704 0044 0532 0130 00";
            settings[$"Notices:Creditors:{entity}:BankAccounts:0:English:BankName"] = "Commerzbank AG";
            settings[$"Notices:Creditors:{entity}:BankAccounts:0:English:AccountName"] = "Contoso Trading Ltd.";
            settings[$"Notices:Creditors:{entity}:BankAccounts:0:ChineseSimplified:BankName"] = "德国商业银行";
            settings[$"Notices:Creditors:{entity}:BankAccounts:0:ChineseSimplified:AccountName"] = "Contoso Trading Ltd.";
        }

        return settings;
    }

    private static Dictionary<string, string> BaseSettings(string storage) => new(StringComparer.Ordinal)
    {
        ["urls"] = "http://127.0.0.1:0",
        ["AzureWebJobsStorage"] = storage,
        ["Collections:DefaultTimeZone"] = "Europe/London",
        ["Collections:DefaultLanguage"] = "en",
        ["Collections:BaseUrl"] = "http://localhost:7071/",
        ["Api:ReaderKeys"] = ReaderKey,
        ["Api:OperatorKeys"] = OperatorKey,
        ["Notices:Provider"] = "Smtp",
        ["Notices:Smtp:Host"] = "127.0.0.1",
        ["Notices:Smtp:Port"] = "1025",
        ["Notices:Smtp:UseStartTls"] = "false",
        ["Notices:Smtp:SenderAddress"] = "collections@contoso.example",
        ["Notices:Smtp:SenderDisplayName"] = "Contoso Accounts Receivable",
        ["Notices:SupervisorEmail"] = "collections-lead@contoso.example",
        ["Notices:LegalEmail"] = "legal@contoso.example",
        ["Telemetry:Exporter"] = "none",
        ["Durable:HubName"] = "ops" + Guid.NewGuid().ToString("N")[..12],
        ["Durable:MaxQueuePollingInterval"] = "00:00:01",
    };

    /// <summary>The standalone queue, blob and sweeper loops (ours, registered by factory): ASP.NET's own hosted services stay.</summary>
    private static bool IsTriggerLoop(ServiceDescriptor d)
    {
        if (d.ServiceType != typeof(IHostedService))
        {
            return false;
        }

        var type = d.ImplementationType ?? d.ImplementationFactory?.Method.ReturnType ?? d.ImplementationInstance?.GetType();
        return type?.Namespace?.StartsWith("Collections.", StringComparison.Ordinal) == true && type != typeof(LocalDurableRuntime);
    }
}
