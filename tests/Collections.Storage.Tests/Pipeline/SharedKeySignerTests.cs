using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Collections.Storage.Pipeline;
using Collections.Storage.Tests.Support;

namespace Collections.Storage.Tests.Pipeline;

/// <summary>Every vector of azure-storage-rest.md section 1.3, with exactly the vector's headers.</summary>
public sealed class SharedKeySignerTests
{
    private const string Date = "Fri, 01 Mar 2024 12:00:00 GMT";
    private static readonly StorageSharedKeyCredential Credential = new("devstoreaccount1", FakeClients.Key);

    private static Request NewRequest(string method, string uri, string? body = null, string? contentType = null, params (string, string)[] headers)
    {
        var request = new HttpClientTransport().CreateRequest();
        request.Method = RequestMethod.Parse(method);
        request.Uri.Reset(new Uri(uri));
        request.Headers.Add("x-ms-date", Date);
        request.Headers.Add("x-ms-version", "2025-01-05");
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (contentType is not null)
        {
            request.Headers.Add("Content-Type", contentType);
        }

        if (body is not null)
        {
            request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        }

        return request;
    }

    [Fact]
    public void BlobQueueStringToSign_B1CreateContainer_MatchesVector()
    {
        using var request = NewRequest("PUT", "http://127.0.0.1:10000/devstoreaccount1/vectors?restype=container");
        var sts = SharedKeySigner.BlobQueueStringToSign(request, "devstoreaccount1");
        Assert.Equal("PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 01 Mar 2024 12:00:00 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/vectors\nrestype:container", sts);
        Assert.Equal("k7UMacGA5nIT1/TE57UtahVdLCptXTucMtw7qDLkyvg=", Credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void BlobQueueStringToSign_B2PutBlob_MatchesVector()
    {
        using var request = NewRequest("PUT", "http://127.0.0.1:10000/devstoreaccount1/vectors/hello.txt", "hello world", "text/plain", ("x-ms-blob-type", "BlockBlob"));
        var sts = SharedKeySigner.BlobQueueStringToSign(request, "devstoreaccount1");
        Assert.Equal("PUT\n\n\n11\n\ntext/plain\n\n\n\n\n\n\nx-ms-blob-type:BlockBlob\nx-ms-date:Fri, 01 Mar 2024 12:00:00 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/vectors/hello.txt", sts);
        Assert.Equal("xDn/MjiEvD3fpsvCLA5veDUVwbq/vUZoMa4rcXhEkQg=", Credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void BlobQueueStringToSign_B3ListBlobs_MatchesVector()
    {
        using var request = NewRequest("GET", "http://127.0.0.1:10000/devstoreaccount1/vectors?restype=container&comp=list&prefix=hel&maxresults=2");
        var sts = SharedKeySigner.BlobQueueStringToSign(request, "devstoreaccount1");
        Assert.Equal("GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 01 Mar 2024 12:00:00 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/vectors\ncomp:list\nmaxresults:2\nprefix:hel\nrestype:container", sts);
        Assert.Equal("LrGNRM5pWtXVWsgnSo7bPbzcgaIo/FdR7yWRzdBnB/g=", Credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void BlobQueueStringToSign_Q1CreateQueue_MatchesVector()
    {
        using var request = NewRequest("PUT", "http://127.0.0.1:10001/devstoreaccount1/vectorq");
        var sts = SharedKeySigner.BlobQueueStringToSign(request, "devstoreaccount1");
        Assert.Equal("PUT" + new string('\n', 12) + "x-ms-date:Fri, 01 Mar 2024 12:00:00 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/vectorq", sts);
        Assert.Equal("UTQzmUbpQwXR2HHB6eKDUAe4s+MerIitXx+bt7++9EY=", Credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void BlobQueueStringToSign_Q2PutMessage_MatchesVector()
    {
        const string Body = "<QueueMessage><MessageText>aGVsbG8=</MessageText></QueueMessage>";
        using var request = NewRequest("POST", "http://127.0.0.1:10001/devstoreaccount1/vectorq/messages?visibilitytimeout=0&messagettl=-1", Body, "application/xml");
        var sts = SharedKeySigner.BlobQueueStringToSign(request, "devstoreaccount1");
        Assert.Equal("POST\n\n\n64\n\napplication/xml\n\n\n\n\n\n\nx-ms-date:Fri, 01 Mar 2024 12:00:00 GMT\nx-ms-version:2025-01-05\n/devstoreaccount1/devstoreaccount1/vectorq/messages\nmessagettl:-1\nvisibilitytimeout:0", sts);
        Assert.Equal("Je1sjri7UPuWCMC8jcAfxLFWDUjVscCGhSynkdVwGKg=", Credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void TableSharedKeyStringToSign_T1CreateTable_MatchesVector()
    {
        using var request = NewRequest("POST", "http://127.0.0.1:10002/devstoreaccount1/Tables", "{\"TableName\":\"vectors\"}", "application/json");
        var sts = SharedKeySigner.TableSharedKeyStringToSign(request, "devstoreaccount1");
        Assert.Equal("POST\n\napplication/json\nFri, 01 Mar 2024 12:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables", sts);
        Assert.Equal("FVb6g903hqSmAjcf7EasrHKrRiauRySugJoT2SZe1cA=", Credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void TableStringToSign_T3PointQuerySharedKeyLite_MatchesVector()
    {
        using var request = NewRequest("GET", "http://127.0.0.1:10002/devstoreaccount1/vectors(PartitionKey='p',RowKey='r')");
        var sts = SharedKeySigner.TableStringToSign(request, "devstoreaccount1");
        Assert.Equal("Fri, 01 Mar 2024 12:00:00 GMT\n/devstoreaccount1/devstoreaccount1/vectors(PartitionKey='p',RowKey='r')", sts);
        Assert.Equal("CTb5+qOLSTrqO5Mtv3NTC9oQHoitcrg3ZRKMU1XrjLw=", Credential.ComputeHmacSha256(sts));
    }

    [Fact]
    public void TableStringToSign_QueryParameters_OnlyCompIsSigned()
    {
        using var request = NewRequest("GET", "http://127.0.0.1:10002/devstoreaccount1/t1()?$filter=a%20eq%201&$top=2&comp=list");
        Assert.Equal(Date + "\n/devstoreaccount1/devstoreaccount1/t1()?comp=list", SharedKeySigner.TableStringToSign(request, "devstoreaccount1"));
    }

    [Fact]
    public void BlobQueueStringToSign_RepeatedAndEncodedQuery_DecodesSortsAndJoins()
    {
        using var request = NewRequest("GET", "http://h/devstoreaccount1/c/a%20b?b=2&A=x%2Fy&b=1");
        var sts = SharedKeySigner.BlobQueueStringToSign(request, "devstoreaccount1");
        Assert.EndsWith("/devstoreaccount1/devstoreaccount1/c/a%20b\na:x/y\nb:1,2", sts, StringComparison.Ordinal);
    }
}
