using Azure;
using Collections.Storage.Blobs;
using Collections.Storage.Tables;
using Collections.Storage.Tests.Support;

namespace Collections.Storage.Tests.Pipeline;

public sealed class RetryTests
{
    [Fact]
    public async Task CreateContainer_503ThenCreated_Retried()
    {
        var transport = new RecordingTransport().Enqueue(503).Enqueue(201);
        Assert.True(await FakeClients.Blob(transport).GetBlobContainerClient("c1").CreateIfNotExistsAsync());
        Assert.Equal(2, transport.Requests.Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Upsert_TransientStatus_Retried(int status)
    {
        var transport = new RecordingTransport().Enqueue(status).Enqueue(204);
        await FakeClients.Table(transport).GetTableClient("tab1").UpsertEntityAsync(new TableEntity("p", "r"));
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task Upload_TransportException_Retried()
    {
        var transport = new RecordingTransport().EnqueueFailure(new HttpRequestException("reset")).Enqueue(201);
        await FakeClients.Blob(transport).GetBlobContainerClient("c1").GetBlobClient("b").UploadAsync(BinaryData.FromString("x"));
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task UploadIfMatchSpecificETag_503_NotRetried()
    {
        var transport = new RecordingTransport().Enqueue(503).Enqueue(201);
        var blob = FakeClients.Blob(transport).GetBlobContainerClient("c1").GetBlobClient("b");
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag("\"0x1\"") } }));
        Assert.Equal(503, ex.Status);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task UploadCreateOnly_503_NotRetried()
    {
        var transport = new RecordingTransport().Enqueue(503).Enqueue(201);
        var blob = FakeClients.Blob(transport).GetBlobContainerClient("c1").GetBlobClient("b");
        await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions { Conditions = BlobRequestConditions.CreateOnly }));
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task UpdateEntityWithETag_503_NotRetried()
    {
        var transport = new RecordingTransport().Enqueue(503).Enqueue(204);
        var table = FakeClients.Table(transport).GetTableClient("tab1");
        await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), new ETag("W/\"datetime'x'\"")));
        Assert.Single(transport.Requests);
        Assert.Equal("W/\"datetime'x'\"", transport.Requests[0].Header("If-Match"));
    }

    [Fact]
    public async Task AddEntity_503_NotRetried()
    {
        var transport = new RecordingTransport().Enqueue(503).Enqueue(204);
        await Assert.ThrowsAsync<RequestFailedException>(() => FakeClients.Table(transport).GetTableClient("tab1").AddEntityAsync(new TableEntity("p", "r")));
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task TransactionWithConditionalAction_503_NotRetried()
    {
        var transport = new RecordingTransport().Enqueue(503).Enqueue(202);
        var table = FakeClients.Table(transport).GetTableClient("tab1");
        await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r"))]));
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task TransactionOfUpserts_503_Retried()
    {
        const string Ok = "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n--changesetresponse_1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\nETag: W/\"e1\"\r\n\r\n\r\n--changesetresponse_1--\r\n--batchresponse_1--\r\n";
        var transport = new RecordingTransport().Enqueue(503).Enqueue(202, Ok);
        var table = FakeClients.Table(transport).GetTableClient("tab1");
        var result = await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "r"))]);
        Assert.Equal(2, transport.Requests.Count);
        Assert.Equal(204, Assert.Single(result.Value).Status);
    }
}
