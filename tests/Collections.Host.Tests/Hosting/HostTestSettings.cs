using System.Globalization;
using Collections.Host.Hosting;
using Collections.TestSupport;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Hosting;

/// <summary>
/// Settings for hosts under test: every Value of <c>local.settings.sample.json</c> (so the sample stays complete and
/// valid), with test API keys, no telemetry export, and the given emulators. Keys are configuration paths.
/// </summary>
internal static class HostTestSettings
{
    public const string ReaderKey = "test-reader-key-0123456789";
    public const string OperatorKey = "test-operator-key-0123456789";

    public static Dictionary<string, string?> Sample()
    {
        var path = Path.Combine(AzuriteFixture.FindRepositoryRoot(), "local.settings.sample.json");
        var values = LocalSettingsSource.Parse(File.ReadAllText(path), path);
        values["Api:ReaderKeys"] = ReaderKey;
        values["Api:OperatorKeys"] = OperatorKey;
        values["Telemetry:Exporter"] = "none";
        return values;
    }

    public static Dictionary<string, string?> For(AzuriteFixture azurite, MailDevFixture? mail = null)
    {
        var values = Sample();
        values[HostSettings.StorageConnectionName] = azurite.ConnectionString;
        if (mail is not null)
        {
            values["Notices:Provider"] = "Smtp";
            values["Notices:Smtp:Host"] = mail.Host;
            values["Notices:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
