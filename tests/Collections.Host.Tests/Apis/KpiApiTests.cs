using System.Net;
using System.Text.Json.Nodes;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// The October 2026 scenario of entity <c>kpi</c> (all EUR), seeded through the engine by the fixture:
/// <code>
/// 10-01 ledger A: K1 K1-A due 09-01 open 1000 (30 days overdue -> 1-30)
///                 K2 K2-A due 07-01 open  400 (92 days -> 90+)
///                 K3 K3-A due 09-20 open  300 (11 days -> 1-30)
/// 10-01 10:00     promise on K2 (400 by 10-10)
/// 10-31 ledger B: K1 K1-A open 250 (750 paid), new K1-B issued 10-15 due 11-14 open 600
///                 K2 K2-A open 400; K3 gone (300 settled: case resolved, no step taken yet)
/// 10-31 12:00     K2 written off (open 400)
/// summaries: 10-01 receivables 1700, current 0; 10-31 receivables 1250, current 600, credit sales 600
/// </code>
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class KpiApiTests(OperationsHostFixture host)
{
    private async Task<JsonNode> KpisAsync()
    {
        using var reader = host.Reader();
        return await reader.GetJsonAsync("/api/kpis?entity=kpi&from=2026-10-01&to=2026-10-31");
    }

    [Fact]
    public async Task Kpis_RecoveryPerBucket_MatchesHandComputation()
    {
        var k = await KpisAsync();
        var rows = k["recoveryRates"]!.AsArray();
        // 1-30: base K1-A 1000 + K3-A 300 = 1300; collected 750 + 300 = 1050; 1050 / 1300 = 0.807692 -> 0.8077
        var early = rows.Single(r => r!["bucket"].Str() == "1-30")!;
        Assert.Equal(1300m, early["base"].Dec());
        Assert.Equal(1050m, early["collected"].Dec());
        Assert.Equal(0.8077m, early["rate"].Dec());
        // 90+: base K2-A 400, nothing collected -> 0
        var late = rows.Single(r => r!["bucket"].Str() == "90+")!;
        Assert.Equal(400m, late["base"].Dec());
        Assert.Equal(0m, late["rate"].Dec());
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Kpis_BadDebtDsoCei_MatchHandComputation()
    {
        var k = await KpisAsync();
        // bad debt: 400 written off / (1300 + 400) overdue = 0.235294 -> 0.2353
        var bad = k["badDebtRates"]!.AsArray().Single()!;
        Assert.Equal(400m, bad["writtenOff"].Dec());
        Assert.Equal(1700m, bad["overdueTotal"].Dec());
        Assert.Equal(0.2353m, bad["rate"].Dec());
        // DSO: 1250 / (600 / 30 days) = 62.5
        var dso = k["dso"]!.AsArray().Single()!;
        Assert.Equal(30, dso["days"]!.GetValue<int>());
        Assert.Equal(62.5m, dso["dso"].Dec());
        // CEI: (1700 + 600 - 1250) / (1700 + 600 - 600) x 100 = 1050 / 1700 x 100 = 61.76 -> 61.8
        Assert.Equal(61.8m, k["cei"]!.AsArray().Single()!["cei"].Dec());
    }

    [Fact]
    public async Task Kpis_CaseCounts_MatchHandComputation()
    {
        var k = await KpisAsync();
        // agreement: K1, K2, K3 were overdue in October; only K2 promised -> 1 / 3
        Assert.Equal(1, k["agreementRate"]!["numerator"]!.GetValue<int>());
        Assert.Equal(3, k["agreementRate"]!["denominator"]!.GetValue<int>());
        Assert.Equal(0.3333m, k["agreementRate"]!["rate"].Dec());
        // no promise was kept or broken in October (no timer ran), so the rate is undefined
        Assert.Equal(0, k["promiseKeptRate"]!["denominator"]!.GetValue<int>());
        Assert.Null(k["promiseKeptRate"]!["rate"]);
        // K3 paid before any ladder step was taken
        var resolved = k["resolvedAtStage"]!.AsArray().Single()!;
        Assert.Equal("None", resolved["stage"].Str());
        Assert.Equal(1, resolved["count"]!.GetValue<int>());
        // aging on 10-31: only K1 is open: K1-A 250 (60 days -> 31-60) + K1-B 600 not due: open 850, overdue 250
        var aging = k["aging"]!.AsArray().Single()!;
        Assert.Equal("31-60", aging["bucket"].Str());
        Assert.Equal(850m, aging["open"].Dec());
        Assert.Equal(250m, aging["overdue"].Dec());
        Assert.Equal(1, k["lights"]!["red"]!.GetValue<int>());
        Assert.Empty(k["noticesPerStage"]!.AsArray());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-01&to=2026-10-01", "from")]
    public async Task Kpis_BadPeriod_Answers400NamingTheField(string query, string field)
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/kpis?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]![field]);
    }
}
