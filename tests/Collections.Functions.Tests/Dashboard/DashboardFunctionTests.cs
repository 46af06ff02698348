using Collections.Functions.Dashboard;
using Collections.Functions.Tests.Api;
using Collections.Operations.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Tests.Dashboard;

/// <summary>The Dashboard function serves the shared library's files, with the local host's paths and headers.</summary>
public sealed class DashboardFunctionTests
{
    private static async Task<(TestAnswer Answer, byte[] Bytes, HttpResponse Response)> ServeAsync(string path, IServiceProvider? services = null)
    {
        var (http, response) = TestRequests.Create(services ?? new ServiceCollection().AddLogging().BuildServiceProvider(), key: null);
        http.Request.Method = HttpMethods.Get;
        http.Request.Path = path;

        var answer = await TestRequests.AnswerAsync(http, response, await DashboardFunction.Serve(http.Request));
        return (answer, ((MemoryStream)response.Body).ToArray(), http.Response);
    }

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/cases/acme-1", "index.html")]
    [InlineData("/files/2026-11-30", "index.html")]
    [InlineData("/dashboard/app.js", "app.js")]
    [InlineData("/dashboard/chart.umd.min.js", "chart.umd.min.js")]
    public async Task Serve_DashboardPath_TheSharedAssetByteForByte(string path, string asset)
    {
        var (answer, bytes, _) = await ServeAsync(path);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Equal(DashboardAssets.Get(asset)!.Value.Content, bytes);
        Assert.Equal(DashboardAssets.Get(asset)!.Value.ContentType, answer.ContentType);
    }

    [Fact]
    public async Task Serve_Shell_HtmlWithTheSecurityHeaders()
    {
        var (answer, _, response) = await ServeAsync("/cases/acme-1");

        Assert.Equal("text/html; charset=utf-8", answer.ContentType);
        Assert.Contains("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", answer.NoSniff);
    }

    [Theory]
    [InlineData("/nowhere/at/all")]
    [InlineData("/dashboard/../secrets")]
    public async Task Serve_UnknownPath_404ProblemDetails(string path)
    {
        var (answer, _, _) = await ServeAsync(path);

        Assert.Equal(StatusCodes.Status404NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task Serve_UnknownApiPathWithoutKey_401LikeTheLocalHost()
    {
        await using var app = new FunctionsApp();
        await using var scope = app.Services.CreateAsyncScope();

        var (answer, _, _) = await ServeAsync("/api/no-such-route", scope.ServiceProvider);

        Assert.Equal(StatusCodes.Status401Unauthorized, answer.Status);
    }
}
