using Collections.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Hosting;

public sealed class HostSettingsTests
{
    [Fact]
    public void Read_SampleSettings_AreValid()
    {
        var settings = HostSettings.Read(Config(HostTestSettings.Sample()));

        Assert.False(settings.UnderFunctionsHost);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.MaxPollingInterval);
    }

    [Fact]
    public void Read_ManyInvalidSettings_FailsNamingEverySetting()
    {
        var values = HostTestSettings.Sample();
        values["Collections:DefaultTimeZone"] = "Mars/Olympus_Mons";
        values["Collections:DefaultLanguage"] = "fr";
        values["Collections:BaseUrl"] = "ftp://example";
        values["Clock:Speed"] = "fast";
        values["Clock:Start"] = "next tuesday";
        values["Notices:Provider"] = "Pigeon";
        values["Api:ReaderKeys"] = "";
        values["Api:OperatorKeys"] = "short";
        values["Queues:MaxPollingInterval"] = "-00:00:01";
        values["Telemetry:Exporter"] = "otlp";
        values["Telemetry:OtlpEndpoint"] = "";

        var ex = Assert.Throws<InvalidSettingsException>(() => HostSettings.Read(Config(values)));

        foreach (var setting in new[]
        {
            "Collections:DefaultTimeZone", "Collections:DefaultLanguage", "Collections:BaseUrl", "Clock:Speed", "Clock:Start",
            "Notices:Provider", "Api keys", "Queues:MaxPollingInterval", "Telemetry:OtlpEndpoint",
        })
        {
            Assert.Contains(ex.Problems, p => p.StartsWith(setting + ":", StringComparison.Ordinal));
            Assert.Contains("  - " + setting + ":", ex.Message, StringComparison.Ordinal);
        }

        Assert.StartsWith("Invalid settings:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoApiKeys_NamesTheKeySettings()
    {
        var values = HostTestSettings.Sample();
        values["Api:ReaderKeys"] = "";
        values["Api:OperatorKeys"] = "";

        var ex = Assert.Throws<InvalidSettingsException>(() => HostSettings.Read(Config(values)));

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("Api:OperatorKeys", problem, StringComparison.Ordinal);
        Assert.Contains("Api:ReaderKeys", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SmtpWithoutHost_NamesTheSection()
    {
        var values = HostTestSettings.Sample();
        values["Notices:Smtp:Host"] = "";

        var ex = Assert.Throws<InvalidSettingsException>(() => HostSettings.Read(Config(values)));

        Assert.Contains(ex.Problems, p => p.StartsWith("Notices:Smtp:", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AcsWithoutConnectionOrEndpoint_NamesAcs()
    {
        var values = HostTestSettings.Sample();
        values["Notices:Provider"] = "Acs";
        values["Notices:Acs:ConnectionString"] = "";
        values["Notices:Acs:Endpoint"] = "http://not-https.example";

        var ex = Assert.Throws<InvalidSettingsException>(() => HostSettings.Read(Config(values)));

        Assert.Contains(ex.Problems, p => p.StartsWith("Notices:Acs:", StringComparison.Ordinal));
    }


    private static IConfiguration Config(IReadOnlyDictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
