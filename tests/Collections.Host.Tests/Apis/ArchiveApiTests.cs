using System.Net;
using Collections.Operations.Apis;
using Collections.Operations.Apis.Requests;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Host.Tests.Apis;

/// <summary>Purge archives instead of deleting; the API reads the archive; KPIs over the old period are unchanged.</summary>
public sealed class ArchiveApiTests(ArchiveHostFixture host) : IClassFixture<ArchiveHostFixture>
{
    [Fact]
    public async Task Purge_CaseClosedBeforeRetention_LeavesLiveApiAndIsReadFromTheArchive()
    {
        using var reader = host.Reader();

        using var live = await reader.GetAsync(new Uri("/api/cases/" + ArchiveHostFixture.OldCaseId, UriKind.Relative));
        var archived = await reader.GetJsonAsync("/api/archive/cases/" + ArchiveHostFixture.OldCaseId);

        Assert.Equal(HttpStatusCode.NotFound, live.StatusCode);
        Assert.Equal((7, 7, 0, 7), (host.Run!.Eligible, host.Run.Archived, host.Run.AlreadyArchived, host.Run.Removed));
        Assert.Equal(ArchiveHostFixture.OldCaseId, archived["case"]!["summary"]!["instanceId"].Str());
        Assert.Equal("Completed", archived["case"]!["summary"]!["runtimeStatus"].Str());
        Assert.Equal("insolvent", archived["case"]!["closeReason"].Str());
        Assert.Equal(["ItemAdded", "NoticeSent", "WrittenOff"], archived["case"]!["timeline"]!.AsArray().Select(e => e!["type"].Str()));
        Assert.Equal(Assert.Single(host.Run.Blobs), archived["archive"]!["blob"].Str());
        Assert.StartsWith("cases/2026/11/", archived["archive"]!["blob"].Str(), StringComparison.Ordinal);
        Assert.Equal(0, archived["archive"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task Purge_CaseClosedInsideRetention_StaysLive()
    {
        using var reader = host.Reader();

        using var live = await reader.GetAsync(new Uri("/api/cases/" + ArchiveHostFixture.YoungCaseId, UriKind.Relative));
        using var archived = await reader.GetAsync(new Uri("/api/archive/cases/" + ArchiveHostFixture.YoungCaseId, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, archived.StatusCode);
    }

    [Fact]
    public async Task GetKpis_PeriodOfTheArchivedCase_SameAsBeforeThePurge()
    {
        using var reader = host.Reader();

        var after = await reader.GetJsonAsync(ArchiveHostFixture.KpiPath);

        Assert.Equal(host.KpisBefore, after.ToJsonString());
        var eur = Assert.Single(after["badDebtRates"]!.AsArray(), r => r!["currency"].Str() == "EUR");
        Assert.Equal(1500m, eur!["writtenOff"].Dec());
    }

    [Fact]
    public async Task ListArchivedCases_ByClosePeriod_ListsOnlyCasesClosedInIt()
    {
        using var reader = host.Reader();

        var in2018 = await reader.GetJsonAsync("/api/archive/cases?from=2018-01-01&to=2018-12-31&entity=arc");
        var in2019 = await reader.GetJsonAsync("/api/archive/cases?from=2019-01-01&to=2019-12-31");
        using var bad = await reader.GetAsync(new Uri("/api/archive/cases?from=2018-13-01", UriKind.Relative));

        var entry = Assert.Single(in2018["cases"]!.AsArray());
        Assert.Equal((ArchiveHostFixture.OldCaseId, "WrittenOff", "Completed"), (entry!["instanceId"].Str(), entry["stage"].Str(), entry["runtimeStatus"].Str()));
        Assert.Null(in2018["continuationToken"]);
        Assert.Empty(in2019["cases"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.JsonAsync())["errors"]!["from"]);
    }

    [Fact]
    public async Task ListArchivedCases_MoreCasesThanAPage_TokenWalksEveryCaseOnceInIdOrder()
    {
        using var reader = host.Reader();
        const string Path = "/api/archive/cases?entity=arcpage&from=2017-01-01&to=2017-12-31&pageSize=2";

        using var first = await reader.GetAsync(new Uri(Path, UriKind.Relative));
        var firstPage = await first.JsonAsync();
        var page = firstPage;
        var pages = new List<IReadOnlyList<string>>();
        while (true)
        {
            pages.Add([.. page["cases"]!.AsArray().Select(c => c!["instanceId"].Str())]);
            if (page["continuationToken"]?.GetValue<string>() is not { } token)
            {
                break;
            }

            page = await reader.GetJsonAsync(Path + "&continuationToken=" + Uri.EscapeDataString(token));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(ArchiveHostFixture.PageCaseIds, pages.SelectMany(p => p));
        Assert.Equal(first.Headers.GetValues("x-ms-continuation-token").Single(), firstPage["continuationToken"].Str());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1001", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("continuationToken=%21%21", "continuationToken")]
    public async Task ListArchivedCases_BadPagingParameter_Answers400NamingIt(string query, string field)
    {
        using var reader = host.Reader();

        using var response = await reader.GetAsync(new Uri("/api/archive/cases?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task ExportWriteOffs_CaseArchivedByThePurge_SameAsBeforeThePurge()
    {
        using var reader = host.Reader();

        var json = await reader.GetJsonAsync(ArchiveHostFixture.WriteOffsPath);
        var csv = await reader.GetStringAsync(new Uri(ArchiveHostFixture.WriteOffsPath + "&format=csv", UriKind.Relative));

        var row = Assert.Single(json["items"]!.AsArray())!;
        Assert.Equal((ArchiveHostFixture.OldCaseId, "EUR", 1500m), (row["caseId"].Str(), row["currency"].Str(), row["amount"].Dec()));
        Assert.Equal(host.WriteOffsBefore, json.ToJsonString());
        Assert.Equal(host.WriteOffsCsvBefore, csv);
    }

    [Fact]
    public async Task ExportCreditHolds_CaseArchivedByThePurge_SameAsBeforeThePurge()
    {
        using var reader = host.Reader();

        var json = await reader.GetJsonAsync(ArchiveHostFixture.CreditHoldsPath);

        var row = Assert.Single(json["items"]!.AsArray())!;
        Assert.Equal((ArchiveHostFixture.HeldCaseId, "placed"), (row["caseId"].Str(), row["event"].Str()));
        Assert.Equal(host.CreditHoldsBefore, json.ToJsonString());
    }

    [Fact]
    public async Task ExportWriteOffsAndKpis_CaseArchivedButItsLiveRowsNotYetRemoved_CountItOnce()
    {
        // A purge interrupted after the archive line was verified and before the live rows went: the case is in both.
        var ct = CancellationToken.None;
        var (state, timeline) = ArchiveHostFixture.WrittenOff("arcdup", "arcdup-1", "D1", "2017-11-01", "2018-02-01");
        await host.Factory.Services.GetRequiredService<ICaseProjectionStore>().SaveAsync(state, 0, timeline, [], ct);
        var run = await host.Factory.Services.GetRequiredService<CaseArchiver>().ArchiveAsync(null, (_, _) => Task.CompletedTask, ct);
        using var reader = host.Reader();

        var export = await reader.GetJsonAsync("/api/exports/write-offs?entity=arcdup&from=2018-01-01&to=2018-12-31");
        var kpis = await reader.GetJsonAsync("/api/kpis?entity=arcdup&from=2018-01-01&to=2018-12-31");
        using var live = await reader.GetAsync(new Uri("/api/cases/arcdup-1", UriKind.Relative));

        Assert.Equal(1, run.Archived);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var row = Assert.Single(export["items"]!.AsArray())!;
        Assert.Equal(("arcdup-1", 1500m), (row["caseId"].Str(), row["amount"].Dec()));
        Assert.Equal(1500m, Assert.Single(kpis["badDebtRates"]!.AsArray(), r => r!["currency"].Str() == "EUR")!["writtenOff"].Dec());
    }

    [Fact]
    public void Purge_Answer_KeepsTheApiJsonNames()
    {
        var names = System.Text.Json.Nodes.JsonNode.Parse(host.RunJson)!.AsObject().Select(p => p.Key);

        Assert.Equal(["runId", "closedBefore", "eligible", "archived", "alreadyArchived", "removed", "blobs"], names);
    }

    [Fact]
    public async Task GetArchivedCase_UnknownOrWithoutKey_ProblemDetails()
    {
        using var reader = host.Reader();
        using var anonymous = host.WithKey(null);

        using var unknown = await reader.GetAsync(new Uri("/api/archive/cases/arc-nobody", UriKind.Relative));
        using var noKey = await anonymous.GetAsync(new Uri("/api/archive/cases/" + ArchiveHostFixture.OldCaseId, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task Purge_OlderThanDaysUnderTheRetention_RefusedAndNothingMoves()
    {
        var archiver = host.Factory.Services.GetRequiredService<CaseArchiver>();

        var result = await ArchiveApi.Purge(new PurgeRequest(30), archiver, (_, _) => throw new InvalidOperationException("nothing may be removed"), CancellationToken.None);

        var problem = Assert.IsType<ValidationProblem>(result.Result);
        Assert.Equal(["must be at least 2557 days: closed cases stay live for the policy's retention (7 years)"], problem.ProblemDetails.Errors["olderThanDays"]);
        using var reader = host.Reader();
        using var young = await reader.GetAsync(new Uri("/api/cases/" + ArchiveHostFixture.YoungCaseId, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, young.StatusCode);
    }
}
