using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Collections.Fuzz.Tests;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.LedgerFiles;
using Collections.TestSupport;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Ingest.Apply;

/// <summary>
/// The fuzz suite's hostile ledgers (same seed as tests/Collections.Fuzz.Tests) through the whole blob flow on
/// Azurite (issue 16): each file ends Applied or Rejected with its report, no exception escapes, and a rejected file
/// changes no account row and signals no case (so no notice can follow from it).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class HostileLedgerIngestTests(AzuriteFixture azurite)
{
    private const int Seed = 16;
    private const int Files = 40;

    [Fact]
    public async Task ProcessAsync_HostileLedgersFromTheFuzzSeed_AppliedOrRejectedWithReports_RejectedChangeNothing()
    {
        var h = await IngestHarness.CreateAsync(azurite, Midnight("2026-07-01"));
        var (processor, _, _) = await LedgerIngestProcessorTests.SetUpAsync(h);
        var state = new[] { h.TableService.GetTableClient("Accounts" + h.Suffix) };
        var (applied, rejected) = (0, 0);

        foreach (var file in FuzzCorpus.Generate(Seed, Files))
        {
            var rowsBefore = await RowsAsync(state);
            var signalsBefore = h.Signals.Calls;
            await Container(h, "ledgers").GetBlobClient(file.FileName).UploadAsync(BinaryData.FromBytes(file.Content));

            var record = await processor.ProcessAsync(file.FileName, default);

            var what = $"file {file.Index} ({file.FileName}: {file.Mutations})";
            Assert.True(record is not null, what + ": no record");
            Assert.True(record.ReportBlob is { } report && await BlobAt(h, report).ExistsAsync(), what + ": no report");
            switch (record.Status)
            {
                case LedgerFileStatus.Applied:
                    applied++;
                    break;
                case LedgerFileStatus.Rejected:
                    rejected++;
                    Assert.True(record.ErrorCount > 0, what + ": rejected without errors");
                    Assert.True(rowsBefore == await RowsAsync(state), what + ": a rejected file changed accounts");
                    Assert.True(signalsBefore == h.Signals.Calls, what + ": a rejected file signalled cases");
                    break;
                default:
                    Assert.Fail($"{what}: ended {record.Status} ({record.Message})");
                    break;
            }
        }

        Assert.True(applied > 0 && rejected > 0, $"the corpus must hold both: {applied} applied, {rejected} rejected");
    }

    private static async Task<int> RowsAsync(IEnumerable<TableClient> tables)
    {
        var count = 0;
        foreach (var table in tables)
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }
        }

        return count;
    }

    private static BlobContainerClient Container(IngestHarness h, string name) => LedgerIngestProcessorTests.Container(h, name);

    private static BlobClient BlobAt(IngestHarness h, string path) => LedgerIngestProcessorTests.BlobAt(h, path);
}
