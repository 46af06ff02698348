using Azure.Core.Pipeline;
using Collections.Storage.Tests.Support;

namespace Collections.Storage.Tests.Pipeline;

/// <summary>
/// The clients' requests end to end through the real pipeline. Azure.Core always adds x-ms-client-request-id and
/// x-ms-return-client-request-id, which are x-ms-* headers and therefore signed; with a fixed request id the
/// signature is deterministic and checked with an independent HMAC.
/// </summary>
public sealed class ClientRequestShapeTests
{
    private const string CanonicalHeaders =
        "x-ms-client-request-id:req-1\nx-ms-date:Fri, 01 Mar 2024 12:00:00 GMT\nx-ms-return-client-request-id:true\nx-ms-version:2025-01-05\n";

    [Fact]
    public async Task CreateContainer_B1Shape_ExactRequestAndSignature()
    {
        var transport = new RecordingTransport().Enqueue(201);
        var container = FakeClients.Blob(transport).GetBlobContainerClient("vectors");
        using (HttpPipeline.CreateClientRequestIdScope("req-1"))
        {
            Assert.True(await container.CreateIfNotExistsAsync());
        }

        var request = Assert.Single(transport.Requests);
        Assert.Equal("PUT /devstoreaccount1/vectors?restype=container", request.RequestLine);
        Assert.Equal("Fri, 01 Mar 2024 12:00:00 GMT", request.Header("x-ms-date"));
        Assert.Equal("2025-01-05", request.Header("x-ms-version"));
        Assert.Null(request.Header("Date"));
        var sts = "PUT\n\n\n\n\n\n\n\n\n\n\n\n" + CanonicalHeaders + "/devstoreaccount1/devstoreaccount1/vectors\nrestype:container";
        Assert.Equal("SharedKey devstoreaccount1:" + FakeClients.Sign(sts), request.Header("Authorization"));
    }

    [Fact]
    public async Task Upload_B2Shape_ExactRequestAndSignature()
    {
        var transport = new RecordingTransport().Enqueue(201, null, ("ETag", "\"0x1\""));
        var blob = FakeClients.Blob(transport).GetBlobContainerClient("vectors").GetBlobClient("hello.txt");
        using (HttpPipeline.CreateClientRequestIdScope("req-1"))
        {
            var info = await blob.UploadAsync(BinaryData.FromString("hello world"), new Collections.Storage.Blobs.BlobUploadOptions { ContentType = "text/plain" });
            Assert.Equal("\"0x1\"", info.Value.ETag.ToString("H"));
        }

        var request = Assert.Single(transport.Requests);
        Assert.Equal("PUT /devstoreaccount1/vectors/hello.txt", request.RequestLine);
        Assert.Equal("text/plain", request.Header("Content-Type"));
        Assert.Equal("11", request.Header("Content-Length"));
        Assert.Equal("BlockBlob", request.Header("x-ms-blob-type"));
        var sts = "PUT\n\n\n11\n\ntext/plain\n\n\n\n\n\n\nx-ms-blob-type:BlockBlob\n" + CanonicalHeaders + "/devstoreaccount1/devstoreaccount1/vectors/hello.txt";
        Assert.Equal("SharedKey devstoreaccount1:" + FakeClients.Sign(sts), request.Header("Authorization"));
    }

    [Fact]
    public async Task GetBlobs_B3Shape_QueryAndSignature()
    {
        var transport = new RecordingTransport().Enqueue(200, "<EnumerationResults><Blobs><Blob><Name>hello.txt</Name><Properties><Content-Length>11</Content-Length></Properties></Blob></Blobs><NextMarker/></EnumerationResults>");
        var container = FakeClients.Blob(transport).GetBlobContainerClient("vectors");
        using (HttpPipeline.CreateClientRequestIdScope("req-1"))
        {
            await foreach (var page in container.GetBlobsAsync(prefix: "hel").AsPages(pageSizeHint: 2))
            {
                Assert.Equal("hello.txt", Assert.Single(page.Values).Name);
                Assert.Null(page.ContinuationToken);
            }
        }

        var request = Assert.Single(transport.Requests);
        Assert.Equal("GET /devstoreaccount1/vectors?restype=container&comp=list&prefix=hel&maxresults=2", request.RequestLine);
        var sts = "GET\n\n\n\n\n\n\n\n\n\n\n\n" + CanonicalHeaders + "/devstoreaccount1/devstoreaccount1/vectors\ncomp:list\nmaxresults:2\nprefix:hel\nrestype:container";
        Assert.Equal("SharedKey devstoreaccount1:" + FakeClients.Sign(sts), request.Header("Authorization"));
    }

    [Fact]
    public async Task SendMessage_Q2Shape_BodyQueryAndSignature()
    {
        const string Reply = "<QueueMessagesList><QueueMessage><MessageId>m1</MessageId><InsertionTime>Fri, 01 Mar 2024 12:00:00 GMT</InsertionTime><ExpirationTime>Fri, 31 Dec 9999 23:59:59 GMT</ExpirationTime><PopReceipt>r1</PopReceipt><TimeNextVisible>Fri, 01 Mar 2024 12:00:00 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>";
        var transport = new RecordingTransport().Enqueue(201, Reply);
        var queue = FakeClients.Queue(transport).GetQueueClient("vectorq");
        using (HttpPipeline.CreateClientRequestIdScope("req-1"))
        {
            var receipt = await queue.SendMessageAsync("hello", TimeSpan.Zero, Collections.Storage.Queues.QueueClient.NeverExpires);
            Assert.Equal("m1", receipt.Value.MessageId);
            Assert.Equal(9999, receipt.Value.ExpiresOn!.Value.Year);
        }

        var request = Assert.Single(transport.Requests);
        Assert.Equal("POST /devstoreaccount1/vectorq/messages?visibilitytimeout=0&messagettl=-1", request.RequestLine);
        Assert.Equal("<QueueMessage><MessageText>aGVsbG8=</MessageText></QueueMessage>", request.BodyText);
        var sts = "POST\n\n\n64\n\napplication/xml\n\n\n\n\n\n\n" + CanonicalHeaders + "/devstoreaccount1/devstoreaccount1/vectorq/messages\nmessagettl:-1\nvisibilitytimeout:0";
        Assert.Equal("SharedKey devstoreaccount1:" + FakeClients.Sign(sts), request.Header("Authorization"));
    }

    [Fact]
    public async Task GetEntity_T3_AuthorizationEqualsVector()
    {
        // SharedKeyLite signs no x-ms-* header, so the client's signature is the vector itself.
        var transport = new RecordingTransport().Enqueue(200, "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"Name\":\"x\"}", ("ETag", "W/\"datetime'2024-03-01T12%3A00%3A00Z'\""));
        var table = FakeClients.Table(transport).GetTableClient("vectors");
        var entity = await table.GetEntityAsync("p", "r");
        Assert.Equal("x", entity.Value.GetString("Name"));
        Assert.Equal("W/\"datetime'2024-03-01T12%3A00%3A00Z'\"", entity.Value.ETag.ToString());

        var request = Assert.Single(transport.Requests);
        Assert.Equal("GET /devstoreaccount1/vectors(PartitionKey='p',RowKey='r')", request.RequestLine);
        Assert.Equal("SharedKeyLite devstoreaccount1:CTb5+qOLSTrqO5Mtv3NTC9oQHoitcrg3ZRKMU1XrjLw=", request.Header("Authorization"));
        Assert.Equal("application/json;odata=minimalmetadata", request.Header("Accept"));
        Assert.Equal("3.0", request.Header("DataServiceVersion"));
    }

    [Fact]
    public async Task CreateTable_T1Shape_SharedKeyLiteOverTablesResource()
    {
        var transport = new RecordingTransport().Enqueue(204);
        Assert.True(await FakeClients.Table(transport).GetTableClient("vectors").CreateIfNotExistsAsync());
        var request = Assert.Single(transport.Requests);
        Assert.Equal("POST /devstoreaccount1/Tables", request.RequestLine);
        Assert.Equal("{\"TableName\":\"vectors\"}", request.BodyText);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("return-no-content", request.Header("Prefer"));
        Assert.Equal("SharedKeyLite devstoreaccount1:" + FakeClients.Sign("Fri, 01 Mar 2024 12:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables"), request.Header("Authorization"));
    }

    [Fact]
    public async Task GetEntityIfExists_404_HasNoValueAndGetEntityThrows()
    {
        const string Error = "{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"The specified resource does not exist.\"}}}";
        var transport = new RecordingTransport().Enqueue(404, Error).Enqueue(404, Error);
        var table = FakeClients.Table(transport).GetTableClient("vectors");
        Assert.False((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.GetEntityAsync("p", "r"));
        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task Download_XmlErrorBody_RequestFailedWithCode()
    {
        var transport = new RecordingTransport().Enqueue(404, "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code><Message>nope</Message></Error>");
        var blob = FakeClients.Blob(transport).GetBlobContainerClient("c1").GetBlobClient("a b/ü.txt");
        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => blob.DownloadStreamingAsync());
        Assert.Equal(404, ex.Status);
        Assert.Equal("BlobNotFound", ex.ErrorCode);
        Assert.Equal("GET /devstoreaccount1/c1/a%20b/%C3%BC.txt", transport.Requests[0].RequestLine);
    }

    [Fact]
    public async Task UploadCreateOnly_SendsIfNoneMatchStar()
    {
        var transport = new RecordingTransport().Enqueue(201);
        var blob = FakeClients.Blob(transport).GetBlobContainerClient("c1").GetBlobClient("x");
        await blob.UploadAsync(BinaryData.FromString("x"), new Collections.Storage.Blobs.BlobUploadOptions { Conditions = Collections.Storage.Blobs.BlobRequestConditions.CreateOnly, Metadata = new Dictionary<string, string> { ["Origin"] = "test" } });
        Assert.Equal("*", transport.Requests[0].Header("If-None-Match"));
        Assert.Equal("test", transport.Requests[0].Header("x-ms-meta-Origin"));
    }

    [Fact]
    public async Task LeaseAcquire_SendsDurationAndProposedId()
    {
        var transport = new RecordingTransport().Enqueue(201, null, ("x-ms-lease-id", "11111111-1111-1111-1111-111111111111"));
        var lease = FakeClients.Blob(transport).GetBlobContainerClient("c1").GetBlobClient("x").GetBlobLeaseClient("11111111-1111-1111-1111-111111111111");
        var result = await lease.AcquireAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("11111111-1111-1111-1111-111111111111", result.Value.LeaseId);
        var request = transport.Requests[0];
        Assert.Equal("PUT /devstoreaccount1/c1/x?comp=lease", request.RequestLine);
        Assert.Equal("acquire", request.Header("x-ms-lease-action"));
        Assert.Equal("15", request.Header("x-ms-lease-duration"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => lease.AcquireAsync(TimeSpan.FromSeconds(10)));
    }
}
