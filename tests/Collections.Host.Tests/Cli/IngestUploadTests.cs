using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Collections.Domain.Ledger;
using Collections.Host.Cli;
using Collections.Host.Hosting;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Storage;
using Collections.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Cli;

/// <summary><c>ingest</c> without <c>--dry-run</c> and <c>upload</c>, against Azurite, with the real ingest processor acting as the host.</summary>
[Collection(CliStorageCollection.Name)]
public sealed class IngestUploadTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-upload-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Ingest_WithoutDryRun_UploadsWaitsAndReportsTheHostsOutcome()
    {
        var path = Write($"ledger-{Guid.NewGuid():N}_2026-06-12.csv", """
            customer_id,customer_name,contact_email,invoice_id,invoice_date,due_date,currency,amount,open_amount
            K-1,Acme Ltd,ap@acme.example,INV-1,2026-05-01,2026-05-31,EUR,100.00,100.00
            """);
        using var host = new CancellationTokenSource();
        var hosting = RunHostAsync(host.Token);

        var run = await Run(TimeSpan.FromSeconds(60), "ingest", path, "--format", "json");
        await host.CancelAsync();
        await hosting;

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var json = run.Json();
        Assert.Equal("Applied", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("valid").GetBoolean());
        // The processed file is kept under its ledger file id.
        var processed = azurite.CreateBlobServiceClient().GetBlobContainerClient(StorageNames.ProcessedContainer);
        var names = new List<string>();
        await foreach (var item in processed.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
        {
            names.Add(item.Name);
        }

        Assert.Contains(names, n => n.EndsWith("/" + Path.GetFileName(path), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_InvalidFile_Exits2AndUploadsNothing()
    {
        var name = $"bad-{Guid.NewGuid():N}.csv";
        var path = Write(name, "customer_id,customer_name\nK-1,Acme\n");

        var run = await Run(TimeSpan.FromSeconds(5), "ingest", path, "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.False(run.Json().GetProperty("valid").GetBoolean());
        var ledgers = azurite.CreateBlobServiceClient().GetBlobContainerClient(StorageNames.LedgersContainer);
        await ledgers.CreateIfNotExistsAsync();
        Assert.False(await ledgers.GetBlobClient(name).ExistsAsync());
    }

    [Fact]
    public async Task Ingest_NoHostProcessesTheFile_Exits1AfterTheTimeout()
    {
        var path = Write($"orphan-{Guid.NewGuid():N}_2026-06-12.csv", """
            customer_id,customer_name,contact_email,invoice_id,invoice_date,due_date,currency,amount,open_amount
            K-9,Nobody Ltd,ap@nobody.example,INV-9,2026-05-01,2026-05-31,EUR,100.00,100.00
            """);

        var run = await Run(TimeSpan.FromSeconds(2), "ingest", path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("no host processed the file in time", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PutsTheFileIntoTheLedgersContainerWithMetadata()
    {
        var path = Write("any.csv", "x\n");
        var name = $"upload-{Guid.NewGuid():N}.csv";

        var run = await Run(TimeSpan.FromSeconds(5), "upload", path, "--as-of", "2026-06-12", "--encoding", "gb18030", "--name", name);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var blob = azurite.CreateBlobServiceClient().GetBlobContainerClient(StorageNames.LedgersContainer).GetBlobClient(name);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(("2026-06-12", "gb18030"), (properties.Metadata["asof"], properties.Metadata["encoding"]));
        Assert.StartsWith(Pipeline.LedgerFiles.LedgerFileIds.For(name, properties.LastModified)[..19], run.Stdout, StringComparison.Ordinal);
        await blob.DeleteAsync();
    }

    /// <summary>Stands in for the host: processes whatever lands in the ledgers container with the real processor.</summary>
    private async Task RunHostAsync(CancellationToken stop)
    {
        var blobs = azurite.CreateBlobServiceClient();
        var tables = azurite.CreateTableServiceClient();
        foreach (var c in StorageNames.Containers)
        {
            await blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: stop);
        }

        await tables.GetTableClient(StorageNames.LedgerFilesTable).CreateIfNotExistsAsync(stop);
        var time = TimeProvider.System;
        var accounts = new InMemoryAccountStore();
        var processor = new LedgerIngestProcessor(blobs, new TableLedgerFileStore(tables.GetTableClient(StorageNames.LedgerFilesTable)), new InMemorySnapshotSummaryStore(), accounts, new InMemoryWriteOffRegister(), new OpenEveryCase(),
            new LedgerParser(new IngestOptions()), new LedgerIngestOptions(), time, NullLogger<LedgerIngestProcessor>.Instance);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await foreach (var item in blobs.GetBlobContainerClient(StorageNames.LedgersContainer).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, stop))
                {
                    if (item.Name.StartsWith("ledger-", StringComparison.Ordinal))
                    {
                        await processor.ProcessAsync(item.Name, stop);
                    }
                }

                await Task.Delay(200, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<CliRun> Run(TimeSpan timeout, params string[] args)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build();
        var stdout = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var stderr = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var context = new CliContext(stdout, stderr) { Time = new FixedTimeProvider(CliRun.Now), Configuration = () => config, IngestTimeout = timeout };
        var code = await CliDispatcher.RunAsync(args, context, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>
    /// Where the cases would be signalled: these tests care that the CLI's upload is picked up and reported, not how
    /// cases run, so every account just gets the record a freshly opened case would give it.
    /// </summary>
    private sealed class OpenEveryCase : ICaseSignals
    {
        public Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken) =>
            Task.FromResult(record with { ActiveCaseId = CaseIds.For(account.Key, record.Episode + 1), Episode = record.Episode + 1, LastSha256 = source.Sha256, LastAsOf = source.AsOf });

        public Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken) =>
            Task.FromResult(SnapshotOutcome.Opened);

        public Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken) =>
            Task.FromResult(0);
    }
}
