using Collections.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Hosting;

public sealed class HostConfigurationTests : IDisposable
{
    // Unique names: environment variables are process-wide and tests run in parallel.
    private const string Winner = "HostConfigurationTests__Winner";
    private const string Sample = """
        {
          "IsEncrypted": false,
          "Values": {
            "FUNCTIONS_WORKER_RUNTIME": "Custom",
            "HostConfigurationTests__Winner": "from local.settings.json",
            "HostConfigurationTests__LocalOnly": "from local.settings.json",
            "HostConfigurationTests__Number": 42,
          }
        }
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("host-config-");

    [Fact]
    public void AddCollectionsConfiguration_LocalSettingsValues_AreReadWithColonPaths()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, LocalSettingsSource.FileName), Sample);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _dir.FullName });

        builder.AddCollectionsConfiguration();

        Assert.Equal("Custom", builder.Configuration["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("from local.settings.json", builder.Configuration["HostConfigurationTests:LocalOnly"]);
        Assert.Equal("42", builder.Configuration["HostConfigurationTests:Number"]);
    }

    [Fact]
    public void AddCollectionsConfiguration_EnvironmentVariable_WinsOverLocalSettings()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, LocalSettingsSource.FileName), Sample);
        Environment.SetEnvironmentVariable(Winner, "from the environment");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _dir.FullName });

            builder.AddCollectionsConfiguration();

            Assert.Equal("from the environment", builder.Configuration["HostConfigurationTests:Winner"]);
            Assert.Equal("from local.settings.json", builder.Configuration["HostConfigurationTests:LocalOnly"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Winner, null);
        }
    }

    [Fact]
    public void AddCollectionsConfiguration_CommandLine_WinsOverLocalSettings()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, LocalSettingsSource.FileName), Sample);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = _dir.FullName,
            Args = ["--HostConfigurationTests:LocalOnly=from the command line"],
        });

        builder.AddCollectionsConfiguration();

        Assert.Equal("from the command line", builder.Configuration["HostConfigurationTests:LocalOnly"]);
    }

    [Fact]
    public void Parse_NotJson_NamesTheFile()
    {
        var ex = Assert.Throws<InvalidSettingsException>(() => LocalSettingsSource.Parse("{ \"Values\": ", "/x/local.settings.json"));

        Assert.Contains("/x/local.settings.json", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
