using System.Text.Json;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// The app settings infra gives the Function App (<c>var appSettings</c> in infra/modules/functionapp.bicep), and a
/// configuration made of them alone: literal values as written, computed ones (resource names, Key Vault references,
/// parameters) replaced by stand-ins shaped like what Azure would produce.
/// </summary>
internal static class InfraAppSettings
{
    public const string FunctionAppModule = "infra/modules/functionapp.bicep";

    public const string StandInAccount = "stcollectdevabcd1234";

    public static BicepFile Module => RepositoryFiles.Bicep(FunctionAppModule);

    public static IReadOnlyList<(string Key, string Value)> Entries => Module.VarObject("appSettings");

    public static IReadOnlySet<string> Keys => Entries.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Stand-ins for computed values. A setting infra computes that is neither here nor in the sample settings makes
    /// <see cref="AsConfiguration"/> fail, so a new computed setting gets a deliberate stand-in.
    /// </summary>
    private static Dictionary<string, string> StandIns(AcsAccess mode) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__accountName"] = StandInAccount,
        ["AzureWebJobsStorage__blobServiceUri"] = $"https://{StandInAccount}.blob.core.windows.net/",
        ["AzureWebJobsStorage__queueServiceUri"] = $"https://{StandInAccount}.queue.core.windows.net/",
        ["AzureWebJobsStorage__tableServiceUri"] = $"https://{StandInAccount}.table.core.windows.net/",
        ["AzureWebJobsStorage__clientId"] = "11111111-2222-3333-4444-555555555555",
        ["AZURE_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        ["Collections__BaseUrl"] = "https://func-collections-dev-abc123.azurewebsites.net/",
        // Key Vault references arrive resolved: the platform substitutes the secret before the process starts.
        ["Api__ReaderKeys"] = "reader-key-0123456789abcdef",
        ["Api__OperatorKeys"] = "operator-key-0123456789abcdef,second-operator-key-0123",
        ["Notices__Acs__Endpoint"] = mode == AcsAccess.Identity ? "https://acs-collections-dev-abc123.europe.communication.azure.com/" : string.Empty,
        ["Notices__Acs__ConnectionString"] = mode == AcsAccess.KeyVault
            ? "endpoint=https://acs-collections-dev-abc123.europe.communication.azure.com/;accesskey=" + Convert.ToBase64String(new byte[32])
            : string.Empty,
        ["Notices__Acs__SenderAddress"] = "DoNotReply@0a1b2c3d-aaaa-bbbb-cccc-0123456789ab.azurecomm.net",
        ["Notices__Acs__SendsPerMinute"] = "5",
        ["Notices__Acs__SendsPerHour"] = "10",
        ["Notices__Acs__StatusPollsPerMinute"] = "10",
        ["Notices__Acs__StatusPollsPerHour"] = "20",
        ["Collections__PolicyFile"] = string.Empty,
        ["Telemetry__Exporter"] = "none",
        ["Telemetry__OtlpEndpoint"] = string.Empty,
    };

    /// <summary>Infra's settings as configuration paths (<c>__</c> becomes <c>:</c>, as for environment variables).</summary>
    public static Dictionary<string, string?> AsConfiguration(AcsAccess mode)
    {
        var sample = SampleValues();
        var standIns = StandIns(mode);
        var config = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Entries)
        {
            var resolved = BicepFile.Literal(value)
                ?? (standIns.TryGetValue(key, out var s) ? s : null)
                ?? (sample.TryGetValue(key, out var v) ? v : null);
            Assert.True(resolved is not null, $"{FunctionAppModule}: '{key}' is computed ({value}); give it a stand-in in {nameof(InfraAppSettings)}");
            config[key.Replace("__", ":", StringComparison.Ordinal)] = resolved;
        }

        return config;
    }

    private static Dictionary<string, string> SampleValues()
    {
        using var doc = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        return doc.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
    }
}
