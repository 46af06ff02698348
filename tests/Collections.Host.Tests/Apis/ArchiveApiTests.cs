using System.Net;
using Collections.Operations.Apis;
using Collections.Operations.Apis.Requests;
using Collections.Pipeline.Archive;
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
        Assert.Equal((1, 1, 0, 1), (host.Run!.Eligible, host.Run.Archived, host.Run.AlreadyArchived, host.Run.Removed));
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
        Assert.False(in2018["truncated"]!.GetValue<bool>());
        Assert.Empty(in2019["cases"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.JsonAsync())["errors"]!["from"]);
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
