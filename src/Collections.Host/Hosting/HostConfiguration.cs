using System.Globalization;
using Microsoft.Extensions.Configuration.Memory;

namespace Collections.Host.Hosting;

/// <summary>Configuration sources and listening address, as the Functions host would set them up.</summary>
internal static class HostConfiguration
{
    /// <summary>
    /// Adds <c>local.settings.json</c> Values beneath every other source (so environment variables and the
    /// command line win) and binds Kestrel: <c>127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c> under the Functions
    /// host, else <c>http://localhost:7071</c> unless URLs are configured.
    /// </summary>
    public static void AddCollectionsConfiguration(this WebApplicationBuilder builder)
    {
        var local = LocalSettingsSource.Load(builder.Environment.ContentRootPath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = local });

        if (builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] is { Length: > 0 } port
            && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{p}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:7071");
        }
    }
}
