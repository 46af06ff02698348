using System.Text;
using Azure;
using Collections.Storage.Blobs;
using Collections.TestSupport;

namespace Collections.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class BlobIntegrationTests(AzuriteFixture azurite)
{
    private async Task<BlobContainerClient> NewContainerAsync(BlobClientOptions? options = null)
    {
        var container = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(Names.Unique("c"));
        Assert.True(await container.CreateIfNotExistsAsync());
        Assert.False(await container.CreateIfNotExistsAsync());
        return container;
    }

    [Fact]
    public async Task UploadDownload_MetadataAndProperties_RoundTrip()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("in/file one.txt");
        await blob.UploadAsync(BinaryData.FromString("hello world"), new BlobUploadOptions { ContentType = "text/plain", Metadata = new Dictionary<string, string> { ["Origin"] = "ledger" } });

        await using (var download = (await blob.DownloadStreamingAsync()).Value)
        {
            using var reader = new StreamReader(download.Content);
            Assert.Equal("hello world", await reader.ReadToEndAsync());
            Assert.Equal("ledger", download.Details.Metadata["Origin"]);
        }

        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(11, properties.ContentLength);
        Assert.Equal("text/plain", properties.ContentType);

        await blob.SetMetadataAsync(new Dictionary<string, string> { ["Stage"] = "done" });
        var after = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("done", after.Metadata["Stage"]);
        Assert.False(after.Metadata.ContainsKey("Origin"));
        Assert.NotEqual(properties.ETag, after.ETag);
    }

    [Fact]
    public async Task Upload_LargeStream_BlockUploadRoundTrip()
    {
        var container = await NewContainerAsync(new BlobClientOptions { BlockSize = 64 * 1024, SingleUploadThreshold = 100 * 1024 });
        var data = new byte[300_000];
        new Random(42).NextBytes(data);
        var blob = container.GetBlobClient("big.bin");
        await blob.UploadAsync(new MemoryStream(data), new BlobUploadOptions { ContentType = "application/x-test", Metadata = new Dictionary<string, string> { ["Kind"] = "blocks" } });

        var downloaded = (await blob.DownloadContentAsync()).Value.ToArray();
        Assert.Equal(data, downloaded);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("application/x-test", properties.ContentType);
        Assert.Equal("blocks", properties.Metadata["Kind"]);
    }

    [Fact]
    public async Task Conditions_StaleETagAndCreateOnly_412And409()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("cond.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"), new BlobUploadOptions { Conditions = BlobRequestConditions.CreateOnly });
        var exists = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { Conditions = BlobRequestConditions.CreateOnly }));
        Assert.Equal(409, exists.Status);
        Assert.Equal("BlobAlreadyExists", exists.ErrorCode);

        await blob.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } });
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v3"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } }));
        Assert.Equal(412, stale.Status);
        Assert.Equal("ConditionNotMet", stale.ErrorCode);
        var staleDelete = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteAsync(new BlobRequestConditions { IfMatch = first.Value.ETag }));
        Assert.Equal(412, staleDelete.Status);
    }

    [Fact]
    public async Task List_PrefixPagingAndDelimiter_AllPagesFollowed()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 5; i++)
        {
            await container.GetBlobClient($"page/p{i}.txt").UploadAsync(BinaryData.FromString("x"));
        }

        await container.GetBlobClient("page/sub/deep.txt").UploadAsync(BinaryData.FromString("x"));
        await container.GetBlobClient("other.txt").UploadAsync(BinaryData.FromString("x"));

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync(prefix: "page/").AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(6, pages.Sum(p => p.Values.Count));

        var flat = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(prefix: "page/", delimiter: "/"))
        {
            flat.Add(item);
        }

        Assert.Equal(5, flat.Count(i => !i.IsPrefix));
        Assert.Equal("page/sub/", Assert.Single(flat, i => i.IsPrefix).Name);
    }

    [Fact]
    public async Task Lease_SecondAcquireConflicts_WritesNeedLeaseId()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("leased.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(409, conflict.Status);
        Assert.Equal("LeaseAlreadyPresent", conflict.ErrorCode);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteAsync());
        Assert.Equal(412, missing.Status);
        Assert.Equal("LeaseIdMissing", missing.ErrorCode);

        await lease.RenewAsync();
        await lease.ReleaseAsync();
        var again = blob.GetBlobLeaseClient();
        await again.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        await blob.DeleteAsync(new BlobRequestConditions { LeaseId = again.LeaseId });
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public async Task MoveTo_CopyThenDelete_SourceGoneDestinationHasContent()
    {
        var container = await NewContainerAsync();
        var source = container.GetBlobClient("in/file one.txt");
        await source.UploadAsync(BinaryData.FromString("ledger rows"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["Origin"] = "x" } });
        var lease = source.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));

        var destination = container.GetBlobClient("done/file one.txt");
        var copy = await source.MoveToAsync(destination, new BlobRequestConditions { LeaseId = lease.LeaseId });

        Assert.Equal("success", copy.Value.CopyStatus);
        Assert.False(await source.ExistsAsync());
        Assert.Equal("ledger rows", Encoding.UTF8.GetString((await destination.DownloadContentAsync()).Value.ToArray()));
        Assert.False(await container.GetBlobClient("missing").DeleteIfExistsAsync());
    }
}
