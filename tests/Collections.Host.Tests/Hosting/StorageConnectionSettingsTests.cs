using Collections.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Hosting;

/// <summary>How the <c>AzureWebJobsStorage</c> connection is read: a connection string, or identity-based settings.</summary>
public sealed class StorageConnectionSettingsTests
{
    [Fact]
    public void Read_ConnectionString_UsedAsIs()
    {
        var settings = StorageConnectionSettings.Read(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
        Assert.Null(settings.BlobServiceUri);
    }

    [Fact]
    public void Read_AccountNameOnly_DefaultEndpointsOfEachService()
    {
        var settings = StorageConnectionSettings.Read(Config(("AzureWebJobsStorage:accountName", "stcoll"), ("AzureWebJobsStorage:credential", "managedidentity")));

        Assert.Null(settings.ConnectionString);
        Assert.Equal(
            ("https://stcoll.blob.core.windows.net/", "https://stcoll.queue.core.windows.net/", "https://stcoll.table.core.windows.net/"),
            (settings.BlobServiceUri!.AbsoluteUri, settings.QueueServiceUri!.AbsoluteUri, settings.TableServiceUri!.AbsoluteUri));
    }

    [Fact]
    public void Read_ExplicitServiceUri_OverridesTheAccountName()
    {
        var settings = StorageConnectionSettings.Read(Config(("AzureWebJobsStorage:accountName", "stcoll"), ("AzureWebJobsStorage:tableServiceUri", "https://tables.example/")));

        Assert.Equal("https://tables.example/", settings.TableServiceUri!.AbsoluteUri);
    }

    [Fact]
    public void Read_NothingConfigured_NamesTheSettingAndBothForms()
    {
        var ex = Assert.Throws<InvalidSettingsException>(() => StorageConnectionSettings.Read(Config()));

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("AzureWebJobsStorage", problem, StringComparison.Ordinal);
        Assert.Contains("__accountName", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownCredentialAndBadUri_EveryProblemListed()
    {
        var ex = Assert.Throws<InvalidSettingsException>(() => StorageConnectionSettings.Read(Config(
            ("AzureWebJobsStorage:blobServiceUri", "not a url"), ("AzureWebJobsStorage:credential", "secret"))));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.StartsWith("AzureWebJobsStorage__blobServiceUri", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("AzureWebJobsStorage__credential", StringComparison.Ordinal));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
