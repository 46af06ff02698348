using Collections.Host.Hosting;
using Microsoft.Extensions.Configuration.Memory;
using Collections.Operations.Hosting;

namespace Collections.Host.Cli;

/// <summary>The host's settings for CLI verbs: <c>local.settings.json</c> Values (found here or above), then environment variables.</summary>
internal static class CliConfiguration
{
    public static IConfiguration Load()
    {
        var dirs = new List<string>();
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null && dirs.Count < 5; dir = dir.Parent)
        {
            dirs.Add(dir.FullName);
            dirs.Add(Path.Combine(dir.FullName, "src", "Collections.Host"));
        }

        return new ConfigurationBuilder()
            .Add(new MemoryConfigurationSource { InitialData = LocalSettingsSource.Load([.. dirs]) })
            .AddEnvironmentVariables()
            .Build();
    }

    /// <summary>
    /// The storage clients of the connection named <c>AzureWebJobsStorage</c> (connection string or identity-based
    /// settings), built by the same registration as the host's. Dispose it when done.
    /// </summary>
    public static ServiceProvider Storage(IConfiguration config) => new ServiceCollection().AddStorageClients(config).BuildServiceProvider();
}
