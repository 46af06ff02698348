using Azure;
using Collections.Storage.Tables;
using Collections.Storage.Tests.Support;

namespace Collections.Storage.Tests.Tables;

public sealed class TableBatchTests
{
    private static string Success(int parts)
    {
        var body = "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n";
        for (var i = 0; i < parts; i++)
        {
            body += $"--changesetresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 204 No Content\r\nDataServiceVersion: 3.0;\r\nETag: W/\"datetime'{i}'\"\r\n\r\n\r\n";
        }

        return body + "--changesetresponse_1--\r\n--batchresponse_1--\r\n";
    }

    [Fact]
    public async Task SubmitTransaction_ThreeActions_ExactMultipartBody()
    {
        var transport = new RecordingTransport().Enqueue(202, Success(3));
        var table = FakeClients.Table(transport).GetTableClient("batch1");
        var one = new TableEntity("bp", "1") { ["Name"] = "one" };
        var two = new TableEntity("bp", "2") { ["Extra"] = true };
        var result = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, one),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, two),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("bp", "3")),
        ]);

        Assert.Equal(3, result.Value.Count);
        Assert.Equal("W/\"datetime'2'\"", result.Value[2].ETag.ToString());
        var request = Assert.Single(transport.Requests);
        Assert.Equal("POST /devstoreaccount1/$batch", request.RequestLine);
        var contentType = request.Header("Content-Type")!;
        Assert.StartsWith("multipart/mixed; boundary=batch_", contentType, StringComparison.Ordinal);
        var batch = contentType["multipart/mixed; boundary=".Length..];
        var body = request.BodyText;
        var changeset = body.Split("\r\n")[1]["Content-Type: multipart/mixed; boundary=".Length..];
        Assert.StartsWith("changeset_", changeset, StringComparison.Ordinal);
        var expected =
            $"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n" +
            $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "POST http://127.0.0.1:10002/devstoreaccount1/batch1 HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nContent-Type: application/json\r\nPrefer: return-no-content\r\nDataServiceVersion: 3.0\r\n\r\n" +
            "{\"PartitionKey\":\"bp\",\"RowKey\":\"1\",\"Name\":\"one\"}\r\n" +
            $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "MERGE http://127.0.0.1:10002/devstoreaccount1/batch1(PartitionKey='bp',RowKey='2') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nContent-Type: application/json\r\nPrefer: return-no-content\r\nDataServiceVersion: 3.0\r\nIf-Match: *\r\n\r\n" +
            "{\"PartitionKey\":\"bp\",\"RowKey\":\"2\",\"Extra\":true}\r\n" +
            $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "DELETE http://127.0.0.1:10002/devstoreaccount1/batch1(PartitionKey='bp',RowKey='3') HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nPrefer: return-no-content\r\nDataServiceVersion: 3.0\r\nIf-Match: *\r\n\r\n\r\n" +
            $"--{changeset}--\r\n--{batch}--\r\n";
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task SubmitTransaction_InnerConflict_ThrowsWithIndexAndCode()
    {
        const string Failure =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n--changesetresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 409 Conflict\r\nContent-ID: 2\r\nDataServiceVersion: 3.0;\r\nContent-Type: application/json;odata=minimalmetadata;charset=utf-8\r\n\r\n" +
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:x\"}}}\r\n" +
            "--changesetresponse_1--\r\n--batchresponse_1--\r\n";
        var transport = new RecordingTransport().Enqueue(202, Failure);
        var table = FakeClients.Table(transport).GetTableClient("batch1");
        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("bp", "1")),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("bp", "2")),
        ]));
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(1, ex.FailedIndex);
        Assert.IsAssignableFrom<RequestFailedException>(ex);
    }

    [Fact]
    public void ParseResponse_StrayBoundaryBeforeStatus_StillFindsStatusLine()
    {
        const string Body = "--batchresponse_1\r\n--changesetresponse_1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{\"odata.error\":{\"code\":\"InvalidInput\",\"message\":{\"value\":\"0:The batch request operation exceeds the maximum 100 changes per change set.\"}}}\r\n--batchresponse_1--";
        var ex = Assert.Throws<TableTransactionFailedException>(() => TableBatch.ParseResponse(Body, 1));
        Assert.Equal(0, ex.FailedIndex);
        Assert.Equal("InvalidInput", ex.ErrorCode);
    }

    [Fact]
    public async Task SubmitTransaction_TwoPartitions_RejectedBeforeSending()
    {
        var transport = new RecordingTransport();
        var table = FakeClients.Table(transport).GetTableClient("batch1");
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("a", "1")),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("b", "1")),
        ]));
        Assert.Contains("one PartitionKey", ex.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task SubmitTransaction_101Actions_RejectedBeforeSending()
    {
        var transport = new RecordingTransport();
        var table = FakeClients.Table(transport).GetTableClient("batch1");
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task SubmitTransaction_Over4MiB_RejectedBeforeSending()
    {
        var transport = new RecordingTransport();
        var table = FakeClients.Table(transport).GetTableClient("batch1");
        var big = new string('x', 32_000);
        var actions = Enumerable.Range(0, 100).Select(i =>
        {
            var e = new TableEntity("p", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            for (var j = 0; j < 2; j++)
            {
                e["S" + j] = big;
            }

            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, e);
        });
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));
        Assert.Contains("4 MiB", ex.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
    }
}
