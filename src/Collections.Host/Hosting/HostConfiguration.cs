using Microsoft.Extensions.Configuration.Memory;

namespace Collections.Host.Hosting;

/// <summary>Configuration sources and listening address, as the Functions host would set them up.</summary>
internal static class HostConfiguration
{
    /// <summary>
    /// Adds <c>local.settings.json</c> Values beneath every other source (so environment variables and the
    /// command line win) and binds Kestrel to <c>http://localhost:7071</c>, the Functions host's local port, unless
    /// URLs are configured.
    /// </summary>
    public static void AddCollectionsConfiguration(this WebApplicationBuilder builder)
    {
        var local = LocalSettingsSource.Load(builder.Environment.ContentRootPath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = local });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:7071");
        }
    }
}
