using System.Globalization;
using Azure;
using Collections.Storage.Tables;
using Collections.TestSupport;

namespace Collections.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableIntegrationTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(Names.Unique("t"));
        Assert.True(await table.CreateIfNotExistsAsync());
        Assert.False(await table.CreateIfNotExistsAsync());
        return table;
    }

    private static string Row(int i) => i.ToString("D5", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AddGet_TypedProperties_RoundTrip()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("O'Neil", "a b'c")
        {
            ["Name"] = "O'Brien 催款函",
            ["Count"] = 42,
            ["Big"] = 9007199254740993L,
            ["Ratio"] = 1.5,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 1, 2, 3, 255 },
        };
        await table.AddEntityAsync(entity);
        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));
        Assert.Equal(409, duplicate.Status);
        Assert.Equal("EntityAlreadyExists", duplicate.ErrorCode);

        var read = (await table.GetEntityAsync("O'Neil", "a b'c")).Value;
        Assert.Equal("O'Brien 催款函", read.GetString("Name"));
        Assert.Equal(42, read.GetInt32("Count"));
        Assert.Equal(9007199254740993L, read.GetInt64("Big"));
        Assert.Equal(1.5, read.GetDouble("Ratio"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, read.GetBinary("Bytes"));
        Assert.NotNull(read.Timestamp);
        Assert.NotEqual(default, read.ETag);

        Assert.False((await table.GetEntityIfExistsAsync("O'Neil", "missing")).HasValue);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("O'Neil", "missing"));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task UpdateDelete_StaleETag_412AndMergeVsReplace()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = "keep" });
        var v1 = (await table.GetEntityAsync("p", "r")).Value;

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = 2 }, v1.ETag, TableUpdateMode.Merge);
        var v2 = (await table.GetEntityAsync("p", "r")).Value;
        Assert.Equal(2, v2.GetInt32("A"));
        Assert.Equal("keep", v2.GetString("B"));

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = 3 }, v1.ETag));
        Assert.Equal(412, stale.Status);
        Assert.Equal("UpdateConditionNotSatisfied", stale.ErrorCode);

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = 4 }, ETag.All, TableUpdateMode.Replace);
        var v3 = (await table.GetEntityAsync("p", "r")).Value;
        Assert.Null(v3.GetString("B"));

        var staleDelete = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", v2.ETag));
        Assert.Equal(412, staleDelete.Status);
        await table.DeleteEntityAsync("p", "r", v3.ETag);
        Assert.False((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Fact]
    public async Task Query_Over1000Entities_FollowsContinuation()
    {
        var table = await NewTableAsync();
        for (var b = 0; b < 11; b++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(b * 100, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("page", Row(i)) { ["N"] = i })));
        }

        var pages = 0;
        var rows = new List<string>();
        await foreach (var page in table.QueryAsync(TableFilter.Create($"PartitionKey eq {"page"}")).AsPages())
        {
            pages++;
            rows.AddRange(page.Values.Select(e => e.RowKey));
        }

        Assert.Equal(1100, rows.Count);
        Assert.True(pages >= 2, $"expected at least two pages, got {pages}");
        Assert.Equal(rows.Distinct(StringComparer.Ordinal).Count(), rows.Count);

        var small = new List<TableEntity>();
        await foreach (var e in table.QueryAsync(TableFilter.Create($"N ge {1095}"), maxPerPage: 2, select: ["N"]))
        {
            small.Add(e);
        }

        Assert.Equal(5, small.Count);
        Assert.Null(small[0].GetString("Missing"));
    }

    [Fact]
    public async Task Transaction_ConflictInMiddle_RolledBackWithIndex()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("bp", "2"));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bp", "1")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bp", "2")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bp", "3")),
        ]));

        Assert.Equal(1, ex.FailedIndex);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.False((await table.GetEntityIfExistsAsync("bp", "1")).HasValue);
    }

    [Fact]
    public async Task Transaction_StaleETag_412WithIndexZero()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("bp", "1") { ["V"] = 1 });
        var etag = (await table.GetEntityAsync("bp", "1")).Value.ETag;
        await table.UpsertEntityAsync(new TableEntity("bp", "1") { ["V"] = 2 });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("bp", "1") { ["V"] = 3 }, etag),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("bp", "2")),
        ]));
        Assert.Equal(412, ex.Status);
        Assert.Equal(0, ex.FailedIndex);
        Assert.False((await table.GetEntityIfExistsAsync("bp", "2")).HasValue);

        var ok = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("bp", "2")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("bp", "1")),
        ]);
        Assert.Equal(2, ok.Value.Count);
        Assert.False((await table.GetEntityIfExistsAsync("bp", "1")).HasValue);
        await table.DeleteAsync();
    }
}
