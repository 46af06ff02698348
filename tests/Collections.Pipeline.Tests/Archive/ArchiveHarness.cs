using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Collections.Domain.Cases;
using Collections.Domain.Policy;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Clock;
using Collections.Pipeline.Projections;
using Collections.Pipeline.Queries;
using Collections.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using static Collections.Pipeline.Tests.Queries.KpiFixture;

namespace Collections.Pipeline.Tests.Archive;

/// <summary>
/// Fresh projection table, archive container and index table on the shared Azurite, seeded with the KPI fixture's
/// quarter (July-September 2026) plus a case closed recently ("Y"), and an archiver at 2034-01-01 with the
/// default seven-year retention: B (written off 2026-09-10) and C (resolved 2026-07-05) are past it.
/// </summary>
internal sealed class ArchiveHarness
{
    public static readonly DateTimeOffset Now = T("2034-01-01T00:00:00Z");

    private ArchiveHarness(AzuriteFixture azurite, string suffix)
    {
        var tables = azurite.CreateTableServiceClient();
        Projections = tables.GetTableClient("Proj" + suffix);
        IndexTable = tables.GetTableClient("ArchIdx" + suffix);
        Container = azurite.CreateBlobServiceClient().GetBlobContainerClient("archive-" + suffix);
        Live = new TableCaseProjectionStore(Projections);
        Archive = new BlobCaseArchive(Container, IndexTable);
        Archiver = new CaseArchiver(Live, Archive, evidence: null, DunningPolicy.Default, Clock, new ArchiveOptions(), NullLogger<CaseArchiver>.Instance);
    }

    public ManualTimeProvider Clock { get; } = new(Now);

    public TableClient Projections { get; }

    public TableClient IndexTable { get; }

    public BlobContainerClient Container { get; }

    public TableCaseProjectionStore Live { get; }

    public BlobCaseArchive Archive { get; }

    public CaseArchiver Archiver { get; }

    public static async Task<ArchiveHarness> StartAsync(AzuriteFixture azurite)
    {
        var h = new ArchiveHarness(azurite, Guid.NewGuid().ToString("N")[..12]);
        await h.Projections.CreateAsync();
        await h.IndexTable.CreateAsync();
        await h.Container.CreateAsync();
        foreach (var c in Cases())
        {
            await h.Live.SaveAsync(c.State, 0, c.Timeline, c.Outbox, CancellationToken.None);
        }

        return h;
    }

    /// <summary>The fixture's cases (B with its final notice's outbox row) plus Y: written off 2033-06-01, inside the retention.</summary>
    public static IReadOnlyList<KpiCaseData> Cases()
    {
        var all = AllCases().ToList();
        var index = all.FindIndex(c => c.State.CaseId == "B");
        var b = all[index];
        var notice = new OutboxEntry("B", "o|0000000004|0", NoticeKind.FinalNotice, T("2026-08-01T08:00:00Z"), 4)
        {
            Status = OutboxStatus.Sent, SentAt = T("2026-08-01T08:00:03Z"), ProviderMessageId = "msg-b-final", Attempts = 1,
        };
        all[index] = b with { Outbox = [notice] };
        var y = b.State with { CaseId = "Y", CreatedAt = T("2033-01-01T00:00:00Z"), ClosedAt = T("2033-06-01T00:00:00Z") };
        all.Add(new KpiCaseData(y, [new TimelineEntry(T("2033-06-01T00:00:00Z"), TimelineType.WrittenOff, CaseStage.WrittenOff)], []));
        return all;
    }

    /// <summary>The KPIs of the fixture's quarter over whatever the live store and the archive hold.</summary>
    public async Task<KpiReport> KpisAsync()
    {
        var live = new List<KpiCaseData>();
        await foreach (var s in Live.ListAsync(new CaseListFilter(), CancellationToken.None))
        {
            live.Add(new KpiCaseData(s, await Live.GetTimelineAsync(s.CaseId, CancellationToken.None), await Live.GetOutboxAsync(s.CaseId, CancellationToken.None)));
        }

        var all = await Archive.WithArchivedAsync(live, "x", Period, CancellationToken.None);
        return KpiCalculator.Compute(Period, Period.To, T("2026-10-01T12:00:00Z"), all, Summaries(), DunningPolicy.Default);
    }

    public async Task<List<string>> BlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
