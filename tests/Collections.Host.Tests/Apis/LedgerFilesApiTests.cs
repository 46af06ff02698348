using System.Net;

namespace Collections.Host.Tests.Apis;

[Collection(OperationsCollection.Name)]
public sealed class LedgerFilesApiTests(OperationsHostFixture host)
{
    [Fact]
    public async Task ListFiles_NewestFirst_WithStatusAndProgress()
    {
        using var reader = host.Reader();
        var page = await reader.GetJsonAsync("/api/ledger-files?pageSize=10");
        var items = page["items"]!.AsArray();
        Assert.Equal(host.AppliedFileId, items[0]!["id"].Str());
        Assert.Equal("Applied", items[0]!["status"].Str());
        Assert.Equal(100, items[0]!["progress"]!.GetValue<int>());
        Assert.Equal("Rejected", items[1]!["status"].Str());
    }

    [Fact]
    public async Task ListFiles_PageOfOne_HasAContinuation()
    {
        using var reader = host.Reader();
        var first = await reader.GetJsonAsync("/api/ledger-files?pageSize=1");
        Assert.Single(first["items"]!.AsArray());
        var token = first["continuationToken"].Str();
        var second = await reader.GetJsonAsync("/api/ledger-files?pageSize=1&continuationToken=" + Uri.EscapeDataString(token));
        Assert.Equal(host.RejectedFileId, second["items"]![0]!["id"].Str());
    }

    [Fact]
    public async Task GetFile_Rejected_IncludesTheErrorReport()
    {
        using var reader = host.Reader();
        var detail = await reader.GetJsonAsync("/api/ledger-files/" + host.RejectedFileId);
        Assert.Equal(2, detail["file"]!["errorCount"]!.GetValue<int>());
        var errors = detail["report"]!["errors"]!.AsArray();
        Assert.Equal(2, errors.Count);
        Assert.Equal("due_date", errors[0]!["column"].Str());
        Assert.Equal(3, errors[0]!["row"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetFile_Unknown_Answers404()
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/ledger-files/nope", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
