using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Collections.Pipeline.Clock;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Storage;
using Collections.TestSupport;

namespace Collections.Pipeline.Tests.Ingest.Apply;

/// <summary>
/// Ingest's storage on a real Azurite (blobs, the account index; unique names per test) on a manual clock, with a
/// recording <see cref="ICaseSignals"/> where the cases would be signalled.
/// </summary>
internal sealed class IngestHarness
{
    private IngestHarness(ManualTimeProvider clock, TableAccountStore accounts, BlobServiceClient blobs, TableServiceClient tables, string suffix)
    {
        Clock = clock;
        Accounts = accounts;
        Signals = new RecordingCaseSignals(accounts);
        Blobs = blobs;
        TableService = tables;
        Suffix = suffix;
    }

    public ManualTimeProvider Clock { get; }

    public TableAccountStore Accounts { get; }

    public RecordingCaseSignals Signals { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient TableService { get; }

    /// <summary>Makes this test's container and table names unique.</summary>
    public string Suffix { get; }

    public static async Task<IngestHarness> CreateAsync(AzuriteFixture azurite, DateTimeOffset start)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var tables = azurite.CreateTableServiceClient();
        var accountsTable = tables.GetTableClient("Accounts" + suffix);
        await accountsTable.CreateIfNotExistsAsync();
        return new IngestHarness(new ManualTimeProvider(start), new TableAccountStore(accountsTable), azurite.CreateBlobServiceClient(), tables, suffix);
    }
}
