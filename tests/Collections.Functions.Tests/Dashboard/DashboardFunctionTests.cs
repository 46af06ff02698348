using Collections.Functions.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Tests.Dashboard;

public sealed class DashboardFunctionTests
{
    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/cases/acme-1", "index.html")]
    [InlineData("/files/2026-11-30", "index.html")]
    [InlineData("/dashboard/app.js", "app.js")]
    [InlineData("/dashboard/../secrets", null)]
    [InlineData("/api/unknown", null)]
    public void Resolve_Path_TheAssetItServes(string path, string? expected) =>
        Assert.Equal(expected, DashboardFiles.Resolve(path));

    [Fact]
    public void Files_SameAsTheLocalHost_PlusChartJs()
    {
        var sources = Directory.GetFiles(RepositoryFiles.PathOf("src/Collections.Operations/Dashboard/wwwroot")).Select(Path.GetFileName);

        Assert.Equal(sources.Append("chart.umd.min.js").Order(StringComparer.Ordinal), DashboardFiles.Names.Order(StringComparer.Ordinal));
        Assert.Equal("text/javascript; charset=utf-8", DashboardFiles.Get("app.js")!.Value.ContentType);
    }

    [Fact]
    public async Task Serve_Shell_HtmlWithTheSecurityHeaders()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Path = "/cases/acme-1";
        http.Response.Body = new MemoryStream();

        await (await DashboardFunction.Serve(http.Request)).ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", http.Response.ContentType);
        Assert.Contains("default-src 'none'", http.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
        Assert.True(http.Response.Body.Length > 0);
    }

    [Fact]
    public async Task Serve_UnknownPath_404ProblemDetails()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Path = "/nowhere/at/all";
        http.Response.Body = new MemoryStream();

        await (await DashboardFunction.Serve(http.Request)).ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status404NotFound, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
    }
}
