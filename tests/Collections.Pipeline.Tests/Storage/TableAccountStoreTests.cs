using Azure.Data.Tables;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Storage;
using Collections.TestSupport;

namespace Collections.Pipeline.Tests.Storage;

/// <summary>
/// The account index on Azurite: an entity's accounts spread over 16 partitions by a fixed hash of the customer id,
/// listed as one range, written in transactions of one partition; rows of before the buckets (partition = entity)
/// moved into their bucket when read.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TableAccountStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("C-1001", 15)]
    [InlineData("C-1002", 2)]
    [InlineData("K-000123", 9)]
    [InlineData("上海客户", 9)]
    [InlineData("", 5)]
    public void Bucket_IsFixedForever(string customerId, int bucket)
    {
        // Where every stored row is: a change here would lose the index (values computed independently, FNV-1a 32).
        Assert.Equal(bucket, AccountPartitions.Bucket(customerId));
    }

    [Fact]
    public async Task ListAsync_EntitySpreadOverPartitions_AllOfItAndNothingElse()
    {
        var (store, table) = await NewStoreAsync();
        await SaveAllAsync(store, Enumerable.Range(0, 300).Select(i => new AccountRecord("SH01", $"K-{i:D4}") { ActiveCaseId = i % 3 == 0 ? $"c-{i}" : null }));
        await SaveAllAsync(store, Enumerable.Range(0, 20).Select(i => new AccountRecord("SH01x", $"K-{i:D4}")));
        await SaveAllAsync(store, Enumerable.Range(0, 20).Select(i => new AccountRecord("SH0", $"K-{i:D4}")));

        var listed = await store.ListAsync("SH01", Ct).ToListAsync();
        var active = await store.ListActiveAsync("SH01", Ct).ToListAsync();

        Assert.Equal(300, listed.Count);
        Assert.All(listed, r => Assert.Equal("SH01", r.Entity));
        Assert.Equal(100, active.Count);
        Assert.All(active, r => Assert.NotNull(r.ActiveCaseId));
        var partitions = await table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("SH01~00") >= 0 && e.PartitionKey.CompareTo("SH01~0f") <= 0).Select(e => e.PartitionKey).Distinct().ToListAsync();
        Assert.Equal(AccountPartitions.Buckets, partitions.Count);
        Assert.DoesNotContain(partitions, p => p.Contains('%', StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_EntityNamedLikeAnothersPartition_EachKeepsItsOwnAccounts()
    {
        // "SH01~0a" is both an entity's name (its old partition) and SH01's partition for bucket 0a.
        var (store, table) = await NewStoreAsync();
        var inBucket10 = Enumerable.Range(0, 400).Select(i => $"K-{i:D4}").Where(c => AccountPartitions.Bucket(c) == 10).Take(3).ToList();
        await SaveAllAsync(store, inBucket10.Select(c => new AccountRecord("SH01", c) { Episode = 1 }));
        await table.AddEntityAsync(LegacyRow("SH01~0a", "Z-1", episode: 7, activeCase: "c-z"));
        await SaveAllAsync(store, [new AccountRecord("SH01~0a", "Z-2") { Episode = 8 }]);

        var other = await store.ListAsync("SH01~0a", Ct).ToListAsync();
        var sh01 = await store.ListAsync("SH01", Ct).ToListAsync();

        Assert.Equal(["SH01~0a/Z-1/7", "SH01~0a/Z-2/8"], other.Select(r => $"{r.Entity}/{r.CustomerId}/{r.Episode}").Order(StringComparer.Ordinal));
        Assert.Equal(inBucket10.Select(c => $"SH01/{c}/1").Order(StringComparer.Ordinal), sh01.Select(r => $"{r.Entity}/{r.CustomerId}/{r.Episode}").Order(StringComparer.Ordinal));
        Assert.Equal(1, (await store.GetAsync("SH01", inBucket10[0], Ct))!.Episode);
        Assert.Equal(7, (await store.GetAsync("SH01~0a", "Z-1", Ct))!.Episode);
    }

    [Fact]
    public async Task SaveManyAsync_AcrossPartitions_Refused()
    {
        var (store, _) = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveManyAsync([new AccountRecord("SH01", "C-1001"), new AccountRecord("SH01", "C-1002")], Ct));

        Assert.Contains("partition", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync("SH01", Ct).ToListAsync());
    }

    [Fact]
    public async Task GetAsync_RowOfBeforeTheBuckets_MovedIntoItsBucketAndStillWritable()
    {
        var (store, table) = await NewStoreAsync();
        await table.AddEntityAsync(LegacyRow("SH01", "C-1001", episode: 3, activeCase: "c-3"));

        var record = await store.GetAsync("SH01", "C-1001", Ct);

        Assert.NotNull(record);
        Assert.Equal((3, "c-3"), (record.Episode, record.ActiveCaseId));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("SH01", "C-1001")).HasValue);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(AccountPartitions.Of("SH01", "C-1001"), "C-1001")).HasValue);
        var saved = await store.SaveAsync(record with { Episode = 4 }, Ct);
        Assert.Equal(4, (await store.GetAsync("SH01", "C-1001", Ct))!.Episode);
        Assert.NotEqual(record.ETag, saved.ETag);
    }

    [Fact]
    public async Task ListAsync_RowsOfBeforeTheBuckets_MovedOnceAndAnInterruptedMoveKeepsTheBucketsRow()
    {
        var (store, table) = await NewStoreAsync();
        await table.AddEntityAsync(LegacyRow("SH01", "C-1001", episode: 1, activeCase: "c-1"));
        await table.AddEntityAsync(LegacyRow("SH01", "C-1002", episode: 1, activeCase: null));
        // C-1003 was being moved when the process stopped: its bucket row (written later) is the account.
        await table.AddEntityAsync(LegacyRow("SH01", "C-1003", episode: 1, activeCase: "c-old"));
        await store.SaveAsync(new AccountRecord("SH01", "C-1003") { Episode = 2, ActiveCaseId = "c-new" }, Ct);

        var active = await store.ListActiveAsync("SH01", Ct).ToListAsync();
        var all = await store.ListAsync("SH01", Ct).ToListAsync();

        Assert.Equal(["C-1001/c-1", "C-1003/c-new"], active.Select(r => $"{r.CustomerId}/{r.ActiveCaseId}").Order(StringComparer.Ordinal));
        Assert.Equal(["C-1001/1", "C-1002/1", "C-1003/2"], all.Select(r => $"{r.CustomerId}/{r.Episode}").Order(StringComparer.Ordinal));
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "SH01").ToListAsync());
    }

    private async Task<(TableAccountStore Store, TableClient Table)> NewStoreAsync()
    {
        var table = azurite.CreateTableServiceClient().GetTableClient("Accounts" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        return (new TableAccountStore(table), table);
    }

    private static async Task SaveAllAsync(TableAccountStore store, IEnumerable<AccountRecord> records)
    {
        foreach (var group in records.GroupBy(r => store.TransactionGroupOf(r.Entity, r.CustomerId)))
        {
            await store.SaveManyAsync([.. group], Ct);
        }
    }

    // An Accounts row as written before the buckets: partition = the entity.
    private static TableEntity LegacyRow(string entity, string customerId, int episode, string? activeCase) => new(entity, customerId)
    {
        ["Entity"] = entity,
        ["CustomerId"] = customerId,
        ["ActiveCaseId"] = activeCase,
        ["HasActiveCase"] = activeCase is not null,
        ["Episode"] = episode,
        ["WrittenOffItems"] = 0,
    };
}
