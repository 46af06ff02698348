using System.Net;
using System.Text;
using Collections.Operations.Apis;

namespace Collections.Host.Tests.Apis;

/// <summary>Requests that answered 500 before: each is now a 400 or 404 ProblemDetails naming the parameter.</summary>
[Collection(OperationsCollection.Name)]
public sealed class HostileInputApiTests(OperationsHostFixture host)
{
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.NotNull(problem["errors"]?[field]);
        Assert.StartsWith(field + ":", problem["detail"].Str(), StringComparison.Ordinal);
        return body;
    }

    [Theory]
    [InlineData("/api/cases/c-1%23x", "instanceId")]
    [InlineData("/api/cases/c-1%3Fx", "instanceId")]
    [InlineData("/api/cases/c-1%5Cx", "instanceId")]
    [InlineData("/api/cases/c-1%5Cx/evidence", "instanceId")]
    [InlineData("/api/ledger-files/f%23x", "id")]
    [InlineData("/api/ledger-files/f%3Fx", "id")]
    [InlineData("/api/ledger-files/f%5Cx", "id")]
    public async Task Get_IdWithForbiddenCharacter_Answers400NamingTheParameter(string path, string field)
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri(path, UriKind.Relative));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("c-1\u0001x")]
    [InlineData("c-1\u007fx")]
    [InlineData("c/1")]
    [InlineData("")]
    public void Problem_MalformedId_SaysWhy(string id) => Assert.NotNull(ApiResourceIds.Problem(id));

    [Theory]
    [InlineData("c-0123456789abcdef-001")]
    [InlineData("0639123456789012345-1a2b3c4d")]
    [InlineData("客户-1")]
    public void Problem_WellFormedId_IsNull(string id) => Assert.Null(ApiResourceIds.Problem(id));

    [Theory]
    [InlineData("c-1%23x")]
    [InlineData("c-1%3Fx")]
    [InlineData("c-1%5Cx")]
    public async Task Action_IdWithForbiddenCharacter_Answers400NamingInstanceId(string id)
    {
        using var op = host.Operator();
        using var response = await op.PostJsonAsync($"/api/cases/{id}/raiseEvent/pause", new { reason = "call back" });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "instanceId");
    }

    [Theory]
    [InlineData("/api/cases/", "instanceId")]
    [InlineData("/api/ledger-files/", "id")]
    public async Task Get_IdOver512Characters_Answers400NamingTheParameter(string prefix, string field)
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri(prefix + new string('a', 513), UriKind.Relative));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Get_Id512CharactersUnknown_Answers404()
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/cases/" + new string('a', 512), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("latin1")]
    public async Task Action_BodyCharsetNotUtf8_Answers400NamingContentType(string charset)
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var op = host.Operator();
        using var content = new StringContent("{\"reason\":\"x\"}", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=" + charset);
        using var response = await op.PostAsync(new Uri($"/api/cases/{id}/raiseEvent/pause", UriKind.Relative), content);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Content-Type");
    }

    [Theory]
    [InlineData("from=9999-12-31&to=0001-01-01", "to")]
    [InlineData("to=0001-01-01", "to")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=9999-12-31", "from")]
    [InlineData("from=2026-10-01&to=2026-09-01", "from")]
    [InlineData("from=1990-01-01&to=2026-01-01", "from")]
    [InlineData("to=2026-02-30", "to")]
    public async Task Kpis_DatesOutOfRange_Answer400NamingTheParameter(string query, string field)
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/kpis?" + query, UriKind.Relative));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Kpis_EarliestDates_AreAnswered()
    {
        using var reader = host.Reader();
        var report = await reader.GetJsonAsync("/api/kpis?from=1900-01-01&to=1900-01-05");
        Assert.Equal("1900-01-01", report["period"]!["from"].Str());
    }

    [Theory]
    [InlineData("{\"promisedDate\":\"2026-13-45\",\"amount\":10,\"currency\":\"EUR\"}", "promisedDate")]
    [InlineData("{\"promisedDate\":\"2026-11-27\",\"amount\":\"lots\",\"currency\":\"EUR\"}", "amount")]
    [InlineData("{\"promisedDate\":\"2026-11-27\",\"amount\":1e400,\"currency\":\"EUR\"}", "amount")]
    [InlineData("{\"promisedDate\":\"2026-11-27\",\"amount\":10,\"currency\":[1]}", "currency")]
    [InlineData("{not json", "body")]
    [InlineData("[1,2]", "body")]
    public async Task Promise_MalformedJson_Answers400NamingTheField(string json, string field)
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var op = host.Operator();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await op.PostAsync(new Uri($"/api/cases/{id}/raiseEvent/promise", UriKind.Relative), content);
        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zzz")]
    [InlineData("%00%01")]
    [InlineData("1%20%23%3F%5C")]
    public async Task LedgerFiles_MadeUpContinuationToken_IsNeverAServerError(string token)
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/ledger-files?pageSize=1&continuationToken=" + token, UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.NotNull((await response.JsonAsync())["errors"]!["continuationToken"]);
        }
    }

    [Fact]
    public async Task Action_NotJsonContentType_Answers415Problem()
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var op = host.Operator();
        using var content = new StringContent("reason=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await op.PostAsync(new Uri($"/api/cases/{id}/raiseEvent/pause", UriKind.Relative), content);
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }
}
