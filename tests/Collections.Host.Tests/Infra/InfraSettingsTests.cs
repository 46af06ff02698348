using Collections.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// Holds infra's app settings and the host's settings together: every setting the host reads is set by
/// infra/modules/functionapp.bicep or deliberately left to its default (listed below with the reason), and the host
/// starts its settings validation with infra's settings alone.
/// </summary>
public sealed class InfraSettingsTests
{
    /// <summary>
    /// Settings the host reads that infra deliberately does not set. Each needs a reason; an entry that the host no
    /// longer reads, or that infra sets after all, fails <see cref="LeftToDefaults_EveryEntry_IsReadAndNotSetByInfra"/>.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> LeftToDefaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // --- the platform's, or replaced by an identity-based equivalent
        ["AzureWebJobsStorage"] = "replaced by AzureWebJobsStorage__* (identity-based); a connection string needs a shared key, which is disabled",
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption rejects it as an app setting; functionAppConfig.runtime.name = 'dotnet-isolated' is its replacement",
        ["urls"] = "the local host only; in Azure the Functions host routes HTTP to the isolated worker",
        ["ASPNETCORE_URLS"] = "standalone only, as urls",

        // --- standalone trigger loops: under the Functions host, host.json and function.json govern
        ["Queues__MaxPollingInterval"] = "standalone ledger polling only; in Azure the blob trigger (Event Grid) starts ingest",

        // --- the local Durable runtime: in Azure the Functions host runs the task hub (host.json extensions.durableTask)
        ["Durable__HubName"] = "local runtime only; in Azure host.json extensions.durableTask.hubName (the same default, CollectionsHub)",
        ["Durable__WorkerId"] = "local runtime only; the Functions host names its own workers",
        ["Durable__MaxQueuePollingInterval"] = "local runtime only; in Azure host.json extensions.durableTask.storageProvider",
        ["Durable__PartitionCount"] = "local runtime only; in Azure host.json extensions.durableTask.storageProvider",

        // --- telemetry
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "gRPC unless a collector needs http/protobuf; only read with Telemetry__Exporter=otlp",

        // --- demo features
        ["Clock__Start"] = "only meaningful with an accelerated clock; infra pins Clock__Speed to 1 (real time)",

        // --- SMTP: infra sets Notices__Provider=Acs; the SMTP section is then neither validated nor used
        ["Notices__Smtp__Host"] = "provider is Acs",
        ["Notices__Smtp__Port"] = "provider is Acs",
        ["Notices__Smtp__UseStartTls"] = "provider is Acs",
        ["Notices__Smtp__UserName"] = "provider is Acs",
        ["Notices__Smtp__Password"] = "provider is Acs",
        ["Notices__Smtp__SenderAddress"] = "provider is Acs",
        ["Notices__Smtp__SenderDisplayName"] = "provider is Acs",
        ["Notices__Smtp__MessageIdDomain"] = "provider is Acs",
        ["Notices__Smtp__Timeout"] = "provider is Acs",

        // --- ACS sender tuning: the documented defaults are right for Azure (AcsEmailSenderOptions)
        ["Notices__Acs__ApiVersion"] = "2023-03-31, the stable API with Operation-Id",
        ["Notices__Acs__MaxAttempts"] = "default 4",
        ["Notices__Acs__RetryDelay"] = "default 2 s",
        ["Notices__Acs__MaxRetryAfter"] = "default 2 min",
        ["Notices__Acs__PollInterval"] = "default 2 s",
        ["Notices__Acs__MaxPollDuration"] = "default 2 min",
        ["Notices__Acs__UserEngagementTrackingDisabled"] = "default true (no tracking in demand letters); the domain disables it too",

        // --- notice content
        ["Notices__TemplateOverrideFolder"] = "built-in templates; overrides would have to ship inside the package",
        ["Notices__Creditors"] = "a dictionary keyed by entity: infra sets the 'default' entity's creditor; further entities are deployment data (docs/notices.md)",
    };

    // Sections of the app's own settings (a misspelt key in one of them is read by nobody).
    private static readonly string[] AppSections = ["Collections__", "Clock__", "Api__", "Notices__", "Queues__", "Telemetry__"];

    [Fact]
    public void HostSettingNames_Derived_CoverSampleNamedAndBoundSettings()
    {
        // Guards the derivation itself: if a regex stops matching, the checks below would pass vacuously.
        var named = HostSettingNames.ReadByName();
        var bound = HostSettingNames.Bound();
        Assert.Contains("Notices__Provider", named);
        Assert.Contains("Api__OperatorKeys", named);
        Assert.Contains("Api__ReaderKeys", named);
        Assert.Contains("Notices__Creditors", bound);
        Assert.Contains("Notices__Acs__SenderAddress", bound);
        Assert.DoesNotContain("Notices__Acs__Transport", bound);
        Assert.True(HostSettingNames.FromSample().Count > 30);
    }

    [Fact]
    public void EverySettingTheHostReads_IsSetByInfraOrLeftToADefaultOnPurpose()
    {
        var infra = InfraAppSettings.Keys;
        var missing = HostSettingNames.All()
            .Where(k => !infra.Contains(k) && !LeftToDefaults.ContainsKey(k))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, "Settings the host reads that infra/modules/functionapp.bicep neither sets nor lists in LeftToDefaults: " + string.Join(", ", missing));
    }

    [Fact]
    public void LeftToDefaults_EveryEntry_IsReadAndNotSetByInfra()
    {
        var read = HostSettingNames.All();
        var infra = InfraAppSettings.Keys;
        var stale = LeftToDefaults.Keys.Where(k => !read.Contains(k)).ToList();
        var contradicted = LeftToDefaults.Keys.Where(infra.Contains).ToList();

        Assert.True(stale.Count == 0, "LeftToDefaults lists settings the host no longer reads: " + string.Join(", ", stale));
        Assert.True(contradicted.Count == 0, "LeftToDefaults lists settings infra sets: " + string.Join(", ", contradicted));
    }

    [Fact]
    public void InfraAppSettings_InAppSections_AreAllReadByTheHost()
    {
        var read = HostSettingNames.All();
        var unread = InfraAppSettings.Keys
            .Where(k => AppSections.Any(s => k.StartsWith(s, StringComparison.Ordinal)) && !read.Contains(k))
            .ToList();

        Assert.True(unread.Count == 0, "Infra sets settings the host never reads (misspelt?): " + string.Join(", ", unread));
    }

    [Fact]
    public void InfraAppSettings_NoDuplicatesAndNoSettingFlexRejects()
    {
        var keys = InfraAppSettings.Entries.Select(e => e.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // Flex Consumption refuses these as app settings (runtime and package live in functionAppConfig).
        string[] rejected = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_NODE_DEFAULT_VERSION"];
        Assert.Empty(keys.Intersect(rejected, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(AcsAccess.Identity)]
    [InlineData(AcsAccess.KeyVault)]
    public void HostSettingsRead_InfraSettingsAlone_ValidAcsRealTime(AcsAccess mode)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(InfraAppSettings.AsConfiguration(mode)).Build();

        var settings = HostSettings.Read(config);

        Assert.Equal("Acs", settings.EmailProvider);
        Assert.Equal(1, settings.ClockSpeed);
        Assert.NotEmpty(settings.OperatorKeys);
        if (mode == AcsAccess.Identity)
        {
            Assert.Null(settings.AcsConnectionString);
            Assert.Equal("https", settings.AcsEndpoint!.Scheme);
        }
        else
        {
            Assert.NotNull(settings.AcsConnectionString);
        }
    }

    [Fact]
    public void SecretSettings_AreKeyVaultReferences()
    {
        var entries = InfraAppSettings.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        Assert.StartsWith("'@Microsoft.KeyVault(SecretUri=", entries["Api__ReaderKeys"], StringComparison.Ordinal);
        Assert.StartsWith("'@Microsoft.KeyVault(SecretUri=", entries["Api__OperatorKeys"], StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", entries["Notices__Acs__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains("keyVaultReferenceIdentity: identityId", InfraAppSettings.Module.Code, StringComparison.Ordinal);
    }
}
