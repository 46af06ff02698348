using System.Net;
using System.Text.Json.Nodes;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// Entity <c>ops</c>, as of 2026-11-20 (London): O-ACME EUR due 10-01 (50 days, red, B), O-BETA USD due 11-10
/// (10 days, yellow, A), O-GAMMA EUR due 11-25 (green, C), O-P01..O-P05 EUR due 11-01 (19 days, yellow, D).
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class CasesApiTests(OperationsHostFixture host)
{
    private static List<string> Customers(JsonNode page) =>
        [.. page["items"]!.AsArray().Select(i => i!["customerId"].Str()).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("light=red", "O-ACME")]
    [InlineData("light=green", "O-GAMMA")]
    [InlineData("light=yellow&grade=A", "O-BETA")]
    [InlineData("currency=USD", "O-BETA")]
    [InlineData("grade=C", "O-GAMMA")]
    [InlineData("q=acme", "O-ACME")]
    [InlineData("q=gamma%20%E8%B4%B8", "O-GAMMA")]
    [InlineData("q=o-bet", "O-BETA")]
    [InlineData("grade=D&q=co%203", "O-P03")]
    public async Task ListCases_Filter_ReturnsMatchingCases(string filter, string expected)
    {
        using var reader = host.Reader();
        var page = await reader.GetJsonAsync("/api/cases?entity=ops&" + filter);
        Assert.Equal([expected], Customers(page));
    }

    [Fact]
    public async Task ListCases_StageAndStatus_FilterTogether()
    {
        using var reader = host.Reader();
        var all = await reader.GetJsonAsync("/api/cases?entity=ops&pageSize=200");
        Assert.Equal(8, all["items"]!.AsArray().Count);
        var pending = await reader.GetJsonAsync("/api/cases?entity=ops&runtimeStatus=Pending,Running&stage=PreDue&pageSize=200");
        Assert.Equal(8, pending["items"]!.AsArray().Count);
        var none = await reader.GetJsonAsync("/api/cases?entity=ops&runtimeStatus=Terminated");
        Assert.Empty(none["items"]!.AsArray());
        var resolved = await reader.GetJsonAsync("/api/cases?entity=kpi&stage=Resolved");
        Assert.Equal(["K3"], Customers(resolved));
    }

    [Fact]
    public async Task ListCases_NextActionRange_FiltersOnTheTimer()
    {
        using var reader = host.Reader();
        var all = await reader.GetJsonAsync("/api/cases?entity=ops&pageSize=200");
        var timers = all["items"]!.AsArray().Select(i => i!["nextTimer"]).Where(n => n is not null).Select(n => DateTimeOffset.Parse(n!["at"].Str(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(timers);
        var first = timers.Min();
        var from = Uri.EscapeDataString(first.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(first.AddSeconds(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var page = await reader.GetJsonAsync($"/api/cases?entity=ops&nextActionFrom={from}&nextActionTo={to}&pageSize=200");
        Assert.Equal(timers.Count(t => t == first), page["items"]!.AsArray().Count);
        var later = await reader.GetJsonAsync($"/api/cases?entity=ops&nextActionFrom={Uri.EscapeDataString(timers.Max().AddSeconds(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
        Assert.Empty(later["items"]!.AsArray());
    }

    [Fact]
    public async Task ListCases_ContinuationPaging_VisitsEveryCaseOnceInIdOrder()
    {
        using var reader = host.Reader();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await reader.GetJsonAsync("/api/cases?entity=ops&pageSize=3" + (token is null ? "" : "&continuationToken=" + token));
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["instanceId"].Str()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(8, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(8, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("runtimeStatus=Sleeping", "runtimeStatus")]
    [InlineData("stage=Lawyer", "stage")]
    [InlineData("light=blue", "light")]
    [InlineData("grade=Z", "grade")]
    [InlineData("currency=XXX", "currency")]
    [InlineData("nextActionFrom=yesterday", "nextActionFrom")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("continuationToken=%21%21", "continuationToken")]
    public async Task ListCases_BadFilter_Answers400NamingTheField(string filter, string field)
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/cases?" + filter, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.NotNull(problem["errors"]![field]);
        Assert.StartsWith(field + ":", problem["detail"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCase_Known_HasDurableVocabularyBalancesItemsTimelineAndProvenance()
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var reader = host.Reader();
        var detail = await reader.GetJsonAsync("/api/cases/" + id);
        var s = detail["summary"]!;
        Assert.Equal(id, s["instanceId"].Str());
        Assert.Equal("PreDue", s["customStatus"].Str());
        Assert.Contains(s["runtimeStatus"].Str(), new[] { "Pending", "Running" });
        Assert.NotNull(s["createdTime"]);
        Assert.NotNull(s["lastUpdatedTime"]);
        Assert.Equal("2026-11-20", s["balanceDate"].Str());
        Assert.Equal(50, s["daysOverdue"]!.GetValue<int>());
        Assert.Equal("red", s["light"].Str());
        Assert.Equal("31-60", s["bucket"].Str());
        var balance = s["balances"]!.AsArray().Single()!;
        Assert.Equal("EUR", balance["currency"].Str());
        Assert.Equal(1000m, balance["open"].Dec());
        Assert.Equal(1000m, balance["overdue"].Dec());
        var item = detail["items"]!.AsArray().Single()!;
        Assert.Equal("INV-A1", item["invoiceId"].Str());
        Assert.Equal(50, item["daysPastDue"]!.GetValue<int>());
        Assert.Equal("ledger.csv", item["provenance"]!["fileName"].Str());
        Assert.Equal(2, item["provenance"]!["row"]!.GetValue<int>());
        var types = detail["timeline"]!.AsArray().Select(e => e!["type"].Str()).ToList();
        Assert.Contains("CaseOpened", types);
        Assert.Contains("ItemAdded", types);
        Assert.NotNull(detail["deliveries"]);
        Assert.NotNull(s["nextTimer"]);
        Assert.Null(detail["evidence"]);
    }

    [Fact]
    public async Task GetCase_Unknown_Answers404Problem()
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/cases/c-0000000000000000-001", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetEvidence_NoPack_Answers404_AndBadFormat400()
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var reader = host.Reader();
        using var none = await reader.GetAsync(new Uri($"/api/cases/{id}/evidence", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using var bad = await reader.GetAsync(new Uri($"/api/cases/{id}/evidence?format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Overview_CountsLightsAgingDueAndFiles()
    {
        using var reader = host.Reader();
        var ov = await reader.GetJsonAsync("/api/overview?entity=ops");
        Assert.Equal(8, ov["byStage"]!.AsArray().Single(s => s!["key"].Str() == "PreDue")!["count"]!.GetValue<int>());
        Assert.Equal(1, ov["lights"]!["green"]!.GetValue<int>());
        Assert.Equal(6, ov["lights"]!["yellow"]!.GetValue<int>());
        Assert.Equal(1, ov["lights"]!["red"]!.GetValue<int>());
        var usd = ov["aging"]!.AsArray().Single(a => a!["currency"].Str() == "USD")!;
        Assert.Equal("1-30", usd["bucket"].Str());
        Assert.Equal(500m, usd["overdue"].Dec());
        Assert.Equal(8, ov["dueNext7Days"]!.AsArray().Count);
        Assert.Contains(ov["recentFiles"]!.AsArray(), f => f!["id"].Str() == host.RejectedFileId);
    }
}
