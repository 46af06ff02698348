using System.Text.Json;
using Azure;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Cases;
using Collections.TestSupport;
using static Collections.Pipeline.Tests.Queries.KpiFixture;

namespace Collections.Pipeline.Tests.Archive;

/// <summary>Purge by archiving on Azurite: what moves, what stays, re-runs after a crash, and the KPIs over the old period.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class CaseArchiverTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ArchiveAsync_ClosedPastRetention_MovedToArchiveAndLiveRowsGone()
    {
        var h = await ArchiveHarness.StartAsync(azurite);

        var result = await h.Archiver.ArchiveAsync(null, null, Ct);

        Assert.Equal((2, 2, 0, 2), (result.Eligible, result.Archived, result.AlreadyArchived, result.Removed));
        Assert.Equal(T("2027-01-01T00:00:00Z"), result.ClosedBefore);
        var blob = Assert.Single(result.Blobs);
        Assert.StartsWith("cases/2034/01/", blob, StringComparison.Ordinal);
        Assert.EndsWith(".jsonl", blob, StringComparison.Ordinal);
        Assert.Equal([blob], await h.BlobNamesAsync());
        foreach (var expected in ArchiveHarness.Cases().Where(c => c.State.CaseId is "B" or "C"))
        {
            var id = expected.State.CaseId;
            Assert.Null(await h.Live.GetAsync(id, Ct));
            Assert.Empty(await h.Live.GetTimelineAsync(id, Ct));
            var archived = await h.Archive.GetAsync(id, Ct);
            Assert.NotNull(archived);
            Assert.Equal(Json(expected.State), Json(archived.State));
            Assert.Equal(Json(expected.Timeline), Json(archived.Timeline));
            Assert.Equal(Json(expected.Outbox), Json(archived.Outbox));
            Assert.Equal(result.RunId, archived.RunId);
        }

        Assert.Equal("msg-b-final", Assert.Single((await h.Archive.GetAsync("B", Ct))!.Outbox).ProviderMessageId);
        var lines = (await h.Container.GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["B", "C"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("state").GetProperty("caseId").GetString()));
    }

    [Fact]
    public async Task ArchiveAsync_OpenOrInsideRetention_Untouched()
    {
        var h = await ArchiveHarness.StartAsync(azurite);

        await h.Archiver.ArchiveAsync(null, null, Ct);

        foreach (var id in (string[])["A", "D", "E", "Y"])
        {
            Assert.NotNull(await h.Live.GetAsync(id, Ct));
            Assert.NotEmpty(await h.Live.GetTimelineAsync(id, Ct));
            Assert.Null(await h.Archive.GetAsync(id, Ct));
        }

        Assert.Equal(ArchiveHarness.Cases()[0].Timeline.Count, (await h.Live.GetTimelineAsync("A", Ct)).Count);
    }

    [Fact]
    public async Task ArchiveAsync_KpisOverTheOldPeriod_UnchangedBeforeAndAfter()
    {
        var h = await ArchiveHarness.StartAsync(azurite);
        var before = await h.KpisAsync();

        await h.Archiver.ArchiveAsync(null, null, Ct);
        var after = await h.KpisAsync();

        Assert.Equal(Json(before), Json(after));
        Assert.Contains(after.BadDebtRates, r => r.Currency == "EUR" && r.WrittenOff == 2000m); // B, now only in the archive
    }

    [Fact]
    public async Task ArchiveAsync_RerunAfterCrashBeforeRemoval_NothingWrittenTwice()
    {
        var h = await ArchiveHarness.StartAsync(azurite);
        await Assert.ThrowsAsync<IOException>(() => h.Archiver.ArchiveAsync(null, (_, _) => throw new IOException("crash"), Ct));
        Assert.NotNull(await h.Live.GetAsync("B", Ct));
        var blobs = await h.BlobNamesAsync();

        var rerun = await h.Archiver.ArchiveAsync(null, null, Ct);

        Assert.Equal((2, 0, 2, 2), (rerun.Eligible, rerun.Archived, rerun.AlreadyArchived, rerun.Removed));
        Assert.Empty(rerun.Blobs);
        Assert.Equal(blobs, await h.BlobNamesAsync());
        Assert.Null(await h.Live.GetAsync("B", Ct));
        Assert.NotNull(await h.Archive.GetAsync("B", Ct));
    }

    [Fact]
    public async Task ArchiveAsync_RerunAfterCrashBeforeCommit_FinishesFromTheWrittenBlob()
    {
        var h = await ArchiveHarness.StartAsync(azurite);
        await Assert.ThrowsAsync<IOException>(() => h.Archiver.ArchiveAsync(null, (_, _) => throw new IOException("crash"), Ct));
        foreach (var id in (string[])["B", "C"])
        {
            // As if the run had stopped after writing the blob, before committing the index rows.
            var row = (await h.IndexTable.GetEntityAsync<ArchiveIndexEntity>(id, ArchiveIndexEntity.Row)).Value;
            row.Committed = false;
            await h.IndexTable.UpdateEntityAsync(row, ETag.All);
        }

        Assert.Null(await h.Archive.GetAsync("B", Ct));
        var blobs = await h.BlobNamesAsync();

        var rerun = await h.Archiver.ArchiveAsync(null, null, Ct);

        Assert.Equal((0, 2, 2), (rerun.Archived, rerun.AlreadyArchived, rerun.Removed));
        Assert.Equal(blobs, await h.BlobNamesAsync());
        Assert.NotNull(await h.Archive.GetAsync("C", Ct));
    }

    [Fact]
    public async Task ArchiveBlob_SecondWriteToTheSameName_Refused()
    {
        var h = await ArchiveHarness.StartAsync(azurite);
        var result = await h.Archiver.ArchiveAsync(null, null, Ct);
        var blob = h.Container.GetBlobClient(result.Blobs[0]);
        var original = (await blob.DownloadContentAsync()).Value.Content.ToString();

        var sdk = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("{}\n"), overwrite: false));
        var writer = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Archive.Blobs.CreateAsync(result.Blobs[0], ["{}"], "other-run", Ct));

        Assert.Equal(409, sdk.Status);
        Assert.Contains("never replaced", writer.Message, StringComparison.Ordinal);
        Assert.Equal(original, (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task ArchiveAsync_CutoffYoungerThanRetention_Refused()
    {
        var h = await ArchiveHarness.StartAsync(azurite);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Archiver.ArchiveAsync(T("2030-01-01T00:00:00Z"), null, Ct));
        Assert.False(h.Archiver.TryCutoff(30, out _, out var problem));
        Assert.True(h.Archiver.TryCutoff(4000, out var cutoff, out _));

        Assert.Equal("must be at least 2557 days: closed cases stay live for the policy's retention (7 years)", problem);
        Assert.Equal(T("2023-01-19T00:00:00Z"), cutoff);
        Assert.NotNull(await h.Live.GetAsync("B", Ct));
    }

    [Fact]
    public async Task ListAsync_ClosedInPeriod_OnlyThose()
    {
        var h = await ArchiveHarness.StartAsync(azurite);
        await h.Archiver.ArchiveAsync(null, null, Ct);

        var entries = new List<ArchiveEntry>();
        await foreach (var e in h.Archive.ListAsync(new ArchiveQuery { ClosedFrom = T("2026-09-01T00:00:00Z"), ClosedBefore = T("2026-10-01T00:00:00Z") }, Ct))
        {
            entries.Add(e);
        }

        var b = Assert.Single(entries);
        Assert.Equal(("B", "x", "WrittenOff", "Completed", "insolvent"), (b.CaseId, b.Entity, b.Stage, b.Status, b.CloseReason));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CaseJson.Options);
}
