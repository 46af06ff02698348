using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Collections.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Hosting;

public sealed class StartupChecksTests
{
    [Fact]
    public async Task StorageAsync_NothingListening_OneLineNamingTheEndpointAndTheScript()
    {
        var port = ClosedPort();
        // Azurite's published development account, pointed at a port nobody listens on.
        var endpoint = $"http://127.0.0.1:{port}/devstoreaccount1";
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint={endpoint};QueueEndpoint={endpoint};TableEndpoint={endpoint};";
        var blobs = new BlobServiceClient(connection, new BlobClientOptions { Retry = { MaxRetries = 0 } });
        var bootstrap = new StorageBootstrap(
            blobs,
            new QueueServiceClient(connection, new QueueClientOptions { Retry = { MaxRetries = 0 } }),
            new TableServiceClient(connection, new TableClientOptions { Retry = { MaxRetries = 0 } }));

        var problem = await StartupChecks.StorageAsync(bootstrap, blobs, CancellationToken.None);

        Assert.NotNull(problem);
        Assert.DoesNotContain('\n', problem);
        Assert.Contains($"127.0.0.1:{port}", problem, StringComparison.Ordinal);
        Assert.Contains("bash scripts/run-local.sh", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpAsync_NothingListening_OneLineNamingHostAndPort()
    {
        var port = ClosedPort();

        var problem = await StartupChecks.SmtpAsync(Settings("Smtp", port), CancellationToken.None);

        Assert.NotNull(problem);
        Assert.DoesNotContain('\n', problem);
        Assert.Contains($"127.0.0.1:{port}", problem, StringComparison.Ordinal);
        Assert.Contains("bash scripts/run-local.sh", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpAsync_ServerListening_NoProblem()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var problem = await StartupChecks.SmtpAsync(Settings("Smtp", port), CancellationToken.None);

        Assert.Null(problem);
    }

    [Fact]
    public async Task SmtpAsync_AcsProvider_NotChecked()
    {
        var problem = await StartupChecks.SmtpAsync(Settings("Acs", ClosedPort()), CancellationToken.None);

        Assert.Null(problem);
    }

    private static HostSettings Settings(string provider, int smtpPort)
    {
        var values = HostTestSettings.Sample();
        values["Notices:Smtp:Host"] = "127.0.0.1";
        values["Notices:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        var read = HostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return new HostSettings { Policy = read.Policy, EmailProvider = provider, Smtp = read.Smtp };
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
