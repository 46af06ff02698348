using System.Net;

namespace Collections.Host.Tests.Apis;

/// <summary>Finance exports over the seeded KPI scenario: K2 (EUR 400) was written off on 2026-10-31 ("insolvent").</summary>
[Collection(OperationsCollection.Name)]
public sealed class ExportsApiTests(OperationsHostFixture host)
{
    [Fact]
    public async Task WriteOffs_Json_ListsTheWrittenOffAmount()
    {
        using var reader = host.Reader();
        var export = await reader.GetJsonAsync("/api/exports/write-offs?entity=kpi&from=2026-10-01&to=2026-10-31");

        var row = Assert.Single(export["items"]!.AsArray())!;
        Assert.Equal("K2", row["customerId"].Str());
        Assert.Equal("EUR", row["currency"].Str());
        Assert.Equal(400m, row["amount"].Dec());
        Assert.Equal("insolvent", row["reason"].Str());
        Assert.Equal("2026-10-01", export["from"].Str());
    }

    [Fact]
    public async Task WriteOffs_Csv_IsAnAttachmentWithOneRow()
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri("/api/exports/write-offs?entity=kpi&from=2026-10-01&to=2026-10-31&format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("write-offs_2026-10-01_2026-10-31.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("kpi,K2,Kilo Two,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2026-10-31T12:00:00Z,EUR,400.00,insolvent,operator:seed", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteOffs_PeriodWithout_IsEmpty()
    {
        using var reader = host.Reader();
        var export = await reader.GetJsonAsync("/api/exports/write-offs?entity=kpi&from=2026-11-01&to=2026-11-20");
        Assert.Empty(export["items"]!.AsArray());
    }

    [Fact]
    public async Task CreditHolds_JsonAndCsv_Answer()
    {
        using var reader = host.Reader();
        var export = await reader.GetJsonAsync("/api/exports/credit-holds?from=2026-10-01&to=2026-11-20");
        Assert.NotNull(export["items"]!.AsArray());
        using var response = await reader.GetAsync(new Uri("/api/exports/credit-holds?from=2026-10-01&to=2026-11-20&format=CSV", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("entity,customer_id,customer_name,case_id,event,at,reason,actor\r\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/exports/write-offs?format=xlsx", "format")]
    [InlineData("/api/exports/credit-holds?from=2026-13-01", "from")]
    [InlineData("/api/exports/write-offs?from=9999-12-31&to=0001-01-01", "to")]
    public async Task Exports_BadQuery_Answer400NamingTheParameter(string path, string field)
    {
        using var reader = host.Reader();
        using var response = await reader.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]![field]);
    }
}
