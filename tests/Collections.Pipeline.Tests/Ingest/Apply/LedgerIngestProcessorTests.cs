using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Storage;
using Collections.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Ingest.Apply;

/// <summary>The blob-triggered ingest flow against Azurite: validate, apply, move, report; duplicates, stale files, crashes.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LedgerIngestProcessorTests(AzuriteFixture azurite)
{
    private const string Valid = """
        customer_id,customer_name,contact_email,credit_grade,time_zone,invoice_id,invoice_date,due_date,currency,amount,open_amount
        K-1,Acme Trading Ltd,ap@acme.example,B,Europe/London,INV-1,2026-05-01,2026-06-01,EUR,1000.00,1000.00
        K-1,Acme Trading Ltd,ap@acme.example,B,Europe/London,INV-2,2026-05-20,2026-06-19,EUR,250.00,250.00
        K-2,Beta GmbH,ar@beta.example,C,Europe/Berlin,INV-3,2026-04-01,2026-05-01,EUR,500.00,500.00
        K-3,Gamma Ltd,ap@gamma.example,A,Europe/London,INV-4,2026-06-01,2026-07-01,USD,300.00,300.00
        """;

    private static readonly string[] FirstCases = [.. new[] { "K-1", "K-2", "K-3" }.Select(c => CaseIds.For(new AccountKey("default", c), 1)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task ValidFile_AppliedToCasesMovedWithSummaryAndRecorded()
    {
        var (h, processor, files, summaries) = await CreateAsync();
        await DropAsync(h, "ledger_2026-06-12.csv", Valid);

        var record = await processor.ProcessAsync("ledger_2026-06-12.csv", default);

        Assert.NotNull(record);
        Assert.Equal((LedgerFileStatus.Applied, 4, 3, 3), (record.Status, record.RowsTotal!.Value, record.AccountsTotal!.Value, record.AccountsApplied));
        Assert.Equal(D("2026-06-12"), record.AsOf);
        Assert.False(await Container(h, "ledgers").GetBlobClient("ledger_2026-06-12.csv").ExistsAsync());
        Assert.True(await Container(h, "ledgers-processed").GetBlobClient(record.Id + "/ledger_2026-06-12.csv").ExistsAsync());
        Assert.Equal($"ledgers-processed{h.Suffix}/{record.Id}/ledger_2026-06-12.csv.summary.json", record.ReportBlob);
        Assert.True(await BlobAt(h, record.ReportBlob!).ExistsAsync());

        // K-1 and K-2 are overdue and K-3 owes something not yet due: three cases opened, each account pointing at its case.
        Assert.Equal(FirstCases, h.Signals.Opened.Order(StringComparer.Ordinal));
        foreach (var customer in new[] { "K-1", "K-2", "K-3" })
        {
            Assert.Equal(CaseIds.For(new AccountKey("default", customer), 1), (await h.Accounts.GetAsync("default", customer, default))!.ActiveCaseId);
        }

        // Entity totals for the KPIs (as of 06-12): EUR receivables 1750 of which overdue 1500 (INV-1 11 days, INV-3 42 days).
        var summary = await summaries.LatestAtOrBeforeAsync("default", D("2026-06-12"), default);
        var eur = summary!.Currencies.Single(c => c.Currency == "EUR");
        Assert.Equal((1750m, 1500m, 250m), (eur.Receivables, eur.Overdue, eur.Current));
        Assert.Equal(1000m, eur.OverdueByBucket["1-30"]);
        Assert.Equal(500m, eur.OverdueByBucket["31-60"]);
        Assert.Equal(record.Id, (await files.FindAppliedBySha256Async(record.Sha256!, default))!.Id);
    }

    [Fact]
    public async Task InvalidFile_RejectedWholeWithJsonAndNeutralisedCsvReports_NothingApplied()
    {
        var (h, processor, _, _) = await CreateAsync();
        var bad = Valid.Replace("K-2,Beta GmbH,ar@beta.example", "K-2,=HYPERLINK(\"http://x\"),ar@beta.example", StringComparison.Ordinal)
                       .Replace("2026-04-01,2026-05-01,EUR,500.00", "2026-04-01,2026-02-30,EUR,500.00", StringComparison.Ordinal)
                       .Replace("USD,300.00,300.00", "XYZ,300.00,300.00", StringComparison.Ordinal);
        await DropAsync(h, "bad_2026-06-12.csv", bad);

        var record = await processor.ProcessAsync("bad_2026-06-12.csv", default);

        Assert.Equal(LedgerFileStatus.Rejected, record!.Status);
        Assert.Equal(2, record.ErrorCount);
        var json = JsonDocument.Parse((await BlobAt(h, record.ReportBlob!).DownloadContentAsync()).Value.Content.ToString());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(4, "due_date"), (5, "currency")], errors);
        Assert.Equal($"ledgers-rejected{h.Suffix}/{record.Id}/bad_2026-06-12.csv.errors.csv", record.ReportCsvBlob);
        var csv = (await BlobAt(h, record.ReportCsvBlob!).DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith("row,column,value,code,message\r\n4,due_date,2026-02-30,", csv, StringComparison.Ordinal);
        Assert.True(await Container(h, "ledgers-rejected").GetBlobClient(record.Id + "/bad_2026-06-12.csv").ExistsAsync());
        Assert.Equal(0, h.Signals.Calls);
        Assert.Null(await h.Accounts.GetAsync("default", "K-1", default));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("=\"x\",1", "\"'=\"\"x\"\",1\"")]
    [InlineData("plain", "plain")]
    public void CsvCell_FormulaLikeValues_Neutralised(string value, string expected) => Assert.Equal(expected, ErrorReport.Cell(value));

    [Fact]
    public async Task SameContentUnderAnotherName_ReportedDuplicate_NoOp()
    {
        var (h, processor, _, _) = await CreateAsync();
        await DropAsync(h, "ledger_2026-06-12.csv", Valid);
        var first = await processor.ProcessAsync("ledger_2026-06-12.csv", default);
        await DropAsync(h, "copy-of-ledger.csv", Valid, new Dictionary<string, string>(StringComparer.Ordinal) { ["asof"] = "2026-06-12" });
        var calls = h.Signals.Calls;

        var second = await processor.ProcessAsync("copy-of-ledger.csv", default);

        Assert.Equal(LedgerFileStatus.Duplicate, second!.Status);
        Assert.Equal(first!.Id, second.DuplicateOf);
        Assert.Equal(calls, h.Signals.Calls);
        Assert.True(await Container(h, "ledgers-processed").GetBlobClient(second.Id + "/copy-of-ledger.csv").ExistsAsync());
    }

    [Fact]
    public async Task OlderSnapshotThanApplied_RejectedAsStale()
    {
        var (h, processor, _, _) = await CreateAsync();
        await DropAsync(h, "ledger_2026-06-12.csv", Valid);
        await processor.ProcessAsync("ledger_2026-06-12.csv", default);
        await DropAsync(h, "ledger_2026-06-10.csv", Valid.Replace("1000.00,1000.00", "1000.00,900.00", StringComparison.Ordinal));

        var record = await processor.ProcessAsync("ledger_2026-06-10.csv", default);

        Assert.Equal(LedgerFileStatus.Stale, record!.Status);
        Assert.Contains("2026-06-12", record.Message, StringComparison.Ordinal);
        Assert.True(await Container(h, "ledgers-rejected").GetBlobClient(record.Id + "/ledger_2026-06-10.csv").ExistsAsync());
    }

    [Fact]
    public async Task CrashMidApply_RerunEndsInTheSameStateWithoutDuplicates()
    {
        var (h, processor, files, _) = await CreateAsync();
        await DropAsync(h, "ledger_2026-06-12.csv", Valid);

        // First run dies while signalling the second account's case.
        h.Signals.FailAfter = 1;
        var crashing = await CreateProcessorAsync(h, files, parallelism: 1);
        await Assert.ThrowsAsync<IOException>(() => crashing.ProcessAsync("ledger_2026-06-12.csv", default));
        Assert.True(await Container(h, "ledgers").GetBlobClient("ledger_2026-06-12.csv").ExistsAsync());

        var record = await processor.ProcessAsync("ledger_2026-06-12.csv", default);

        // Each account opened its first episode's case (a re-signalled one is adopted: same id) and no second episode.
        Assert.Equal(LedgerFileStatus.Applied, record!.Status);
        Assert.Equal(FirstCases, h.Signals.Opened.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        foreach (var customer in new[] { "K-1", "K-2", "K-3" })
        {
            var account = (await h.Accounts.GetAsync("default", customer, default))!;
            Assert.Equal((1, CaseIds.For(new AccountKey("default", customer), 1)), (account.Episode, account.ActiveCaseId));
        }
    }

    [Fact]
    public async Task SameNameTwice_EachFileKeepsItsOwnIdAndReports()
    {
        // An ERP export with a fixed name, dropped on two days (in the same second here: Last-Modified has whole seconds).
        var (h, processor, files, _) = await CreateAsync();
        await DropAsync(h, "ledger.csv", Valid, new Dictionary<string, string>(StringComparer.Ordinal) { ["asof"] = "2026-06-12" });
        var first = await processor.ProcessAsync("ledger.csv", default);
        await DropAsync(h, "ledger.csv", Valid.Replace("1000.00,1000.00", "1000.00,400.00", StringComparison.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal) { ["asof"] = "2026-06-13" });

        var second = await processor.ProcessAsync("ledger.csv", default);

        Assert.Equal((LedgerFileStatus.Applied, LedgerFileStatus.Applied), (first!.Status, second!.Status));
        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.ReportBlob, second.ReportBlob);
        foreach (var (file, asOf) in new[] { (first, "2026-06-12"), (second, "2026-06-13") })
        {
            var stored = await files.GetAsync(file.Id, default);
            var summary = JsonDocument.Parse((await BlobAt(h, stored!.ReportBlob!).DownloadContentAsync()).Value.Content.ToString());
            Assert.Equal(asOf, summary.RootElement.GetProperty("asOf").GetString());
            Assert.True(await Container(h, "ledgers-processed").GetBlobClient(file.Id + "/ledger.csv").ExistsAsync());
        }
    }

    [Fact]
    public async Task NotALedger_RejectedWithAClearError()
    {
        var (h, processor, _, _) = await CreateAsync();
        await Container(h, "ledgers").GetBlobClient("photo.csv").UploadAsync(BinaryData.FromBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));

        var record = await processor.ProcessAsync("photo.csv", default);

        Assert.Equal(LedgerFileStatus.Rejected, record!.Status);
        var json = (await BlobAt(h, record.ReportBlob!).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"row\": null", json, StringComparison.Ordinal);
    }

    private async Task<(IngestHarness H, LedgerIngestProcessor Processor, TableLedgerFileStore Files, TableSnapshotSummaryStore Summaries)> CreateAsync()
    {
        var h = await IngestHarness.CreateAsync(azurite, Midnight("2026-06-12"));
        var (processor, files, summaries) = await SetUpAsync(h);
        return (h, processor, files, summaries);
    }

    /// <summary>The ingest containers and tables under the harness's suffix, and a processor on them.</summary>
    internal static async Task<(LedgerIngestProcessor Processor, TableLedgerFileStore Files, TableSnapshotSummaryStore Summaries)> SetUpAsync(IngestHarness h)
    {
        foreach (var c in new[] { "ledgers", "ledgers-processed", "ledgers-rejected" })
        {
            await Container(h, c).CreateIfNotExistsAsync();
        }

        var filesTable = h.TableService.GetTableClient("LedgerFiles" + h.Suffix);
        var summariesTable = h.TableService.GetTableClient("Snapshots" + h.Suffix);
        await filesTable.CreateIfNotExistsAsync();
        await summariesTable.CreateIfNotExistsAsync();
        var files = new TableLedgerFileStore(filesTable);
        var summaries = new TableSnapshotSummaryStore(summariesTable);
        return (await CreateProcessorAsync(h, files, summaries: summaries), files, summaries);
    }

    private static Task<LedgerIngestProcessor> CreateProcessorAsync(IngestHarness h, ILedgerFileStore files, int parallelism = 4, ISnapshotSummaryStore? summaries = null) =>
        Task.FromResult(new LedgerIngestProcessor(
            h.Blobs,
            files,
            summaries ?? new TableSnapshotSummaryStore(h.TableService.GetTableClient("Snapshots" + h.Suffix)),
            h.Accounts,
            new InMemoryWriteOffRegister(),
            h.Signals,
            new LedgerParser(new IngestOptions()),
            new LedgerIngestOptions { LedgersContainer = "ledgers" + h.Suffix, ProcessedContainer = "ledgers-processed" + h.Suffix, RejectedContainer = "ledgers-rejected" + h.Suffix, ApplyParallelism = parallelism },
            h.Clock,
            NullLogger<LedgerIngestProcessor>.Instance));

    internal static BlobContainerClient Container(IngestHarness h, string name) => h.Blobs.GetBlobContainerClient(name + h.Suffix);

    /// <summary>The blob at a record's <c>container/name</c> report path.</summary>
    internal static BlobClient BlobAt(IngestHarness h, string path) =>
        h.Blobs.GetBlobContainerClient(path[..path.IndexOf('/', StringComparison.Ordinal)]).GetBlobClient(path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]);

    private static Task DropAsync(IngestHarness h, string name, string csv, IReadOnlyDictionary<string, string>? metadata = null) =>
        Container(h, "ledgers").GetBlobClient(name).UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(csv.Replace("\r\n", "\n", StringComparison.Ordinal))), new BlobUploadOptions { Metadata = metadata is null ? null : new Dictionary<string, string>(metadata, StringComparer.Ordinal) });
}
