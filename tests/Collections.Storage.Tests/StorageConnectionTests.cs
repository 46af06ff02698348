using Azure.Core;

namespace Collections.Storage.Tests;

public sealed class StorageConnectionTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_AzuriteDefaults()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", connection.QueueEndpoint!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", connection.TableEndpoint!.AbsoluteUri);
        Assert.Equal(StorageCredentialKind.SharedKey, connection.CredentialKind);
    }

    [Fact]
    public void Parse_AccountKeyWithSuffix_DefaultEndpoints()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal("https://acct.blob.core.chinacloudapi.cn/", connection.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("https://acct.table.core.chinacloudapi.cn/", connection.TableEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_UsedAsGiven()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:5/devstoreaccount1;QueueEndpoint=http://127.0.0.1:6/devstoreaccount1;TableEndpoint=http://127.0.0.1:7/devstoreaccount1;");
        Assert.Equal("http://127.0.0.1:7/devstoreaccount1", connection.TableEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void Parse_Sas_AccountFromEndpoint()
    {
        var connection = StorageConnection.Parse("BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=?sv=2025-01-05&sig=abc");
        Assert.Equal(StorageCredentialKind.SharedAccessSignature, connection.CredentialKind);
        Assert.Equal("acct", connection.AccountName);
        Assert.Null(connection.QueueEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountName=a;AccountKey=not*base64", "AccountKey is not valid Base64")]
    [InlineData("AccountName=a", "neither AccountKey nor SharedAccessSignature")]
    [InlineData("AccountName=a;AccountKey=AAAA;Bogus=1", "unknown setting 'Bogus'")]
    [InlineData("AccountKey=AAAA;BlobEndpoint=http://x", "AccountKey but no AccountName")]
    [InlineData("AccountName=a;AccountKey=AAAA;BlobEndpoint=nope", "BlobEndpoint is not an absolute")]
    [InlineData("AccountName=a;AccountKey=AAAA;SharedAccessSignature=sig=1", "both AccountKey and SharedAccessSignature")]
    public void Parse_Invalid_MessageNamesProblemWithoutKey(string connectionString, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_ConnectionString_Parsed()
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };
        Assert.Equal("devstoreaccount1", StorageConnection.FromConfiguration(settings, "AzureWebJobsStorage").AccountName);
    }

    [Fact]
    public void FromConfiguration_ServiceUris_TokenCredential()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage__blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["Storage__queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["Storage__tableServiceUri"] = "https://acct.table.core.windows.net",
        };
        var connection = StorageConnection.FromConfiguration(settings, "Storage", new NoCredential());
        Assert.Equal(StorageCredentialKind.Token, connection.CredentialKind);
        Assert.Equal("acct", connection.AccountName);
        Assert.Equal("https://acct.table.core.windows.net/", connection.TableEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void FromConfiguration_IdentityWithoutCredential_ClearError()
    {
        var settings = new Dictionary<string, string?> { ["Storage__accountName"] = "acct" };
        var ex = Assert.Throws<FormatException>(() => StorageConnection.FromConfiguration(settings, "Storage"));
        Assert.Contains("no TokenCredential", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_Missing_NamesSettings()
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnection.FromConfiguration(new Dictionary<string, string?>(), "AzureWebJobsStorage"));
        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverContainsKey()
    {
        var connection = StorageConnection.Parse($"AccountName=acct;AccountKey={Key}");
        Assert.DoesNotContain(Key, connection.ToString(), StringComparison.Ordinal);
    }

    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => default;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => default;
    }
}
