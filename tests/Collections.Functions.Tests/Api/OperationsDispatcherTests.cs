using System.Text.Json;
using Collections.Functions.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Tests.Api;

/// <summary>
/// The dispatcher with a stand-in key scheme and the API's two policy names: route values from the Functions binding
/// data, 401 without a key, 403 for a reader on an operator route, the handler's answer otherwise, an empty error
/// turned into ProblemDetails, and 501 for a route without a handler.
/// </summary>
public sealed class OperationsDispatcherTests
{
    private static readonly (string, Delegate)[] TestHandlers =
    [
        ("Health", () => TypedResults.Ok(new { status = "healthy" })),
        ("GetCase", (string instanceId) => TypedResults.Ok(new { instanceId })),
        ("TerminateCase", (string instanceId) => TypedResults.Ok(new { terminated = instanceId })),
        ("RetryCase", (string instanceId) => Results.StatusCode(StatusCodes.Status409Conflict)),
    ];

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProblemDetails();
        services.AddAuthentication(TestKeyHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestKeyHandler>(TestKeyHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(OperationsRoutes.ReadPolicy, p => p.RequireRole("reader", "operator"))
            .AddPolicy(OperationsRoutes.ActPolicy, p => p.RequireRole("operator"));
        services.AddSingleton(sp => new OperationsHandlers(sp, TestHandlers));
        services.AddSingleton<OperationsDispatcher>();
        return services.BuildServiceProvider();
    }

    private static async Task<(int Status, string? ContentType, string Body)> DispatchAsync(string route, string? key, string? instanceId = null)
    {
        await using var services = Services();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        if (key is not null)
        {
            http.Request.Headers["x-functions-key"] = key;
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (instanceId is not null)
        {
            data["instanceId"] = instanceId;
        }

        var result = await services.GetRequiredService<OperationsDispatcher>().DispatchAsync(route, http.Request, new FakeFunctionContext(services, data));
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, http.Response.ContentType, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task DispatchAsync_ReaderKeyOnReadRoute_HandlerGetsTheRouteValueFromBindingData()
    {
        var (status, _, body) = await DispatchAsync("GetCase", "reader", "case-7");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("case-7", JsonDocument.Parse(body).RootElement.GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task DispatchAsync_NoKeyOnReadRoute_Challenged401()
    {
        var (status, _, body) = await DispatchAsync("GetCase", key: null, "case-7");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain("case-7", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_ReaderKeyOnOperatorRoute_Forbidden403()
    {
        var (status, _, body) = await DispatchAsync("TerminateCase", "reader", "case-7");

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.DoesNotContain("terminated", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_OperatorKeyOnOperatorRoute_HandlerAnswers()
    {
        var (status, _, body) = await DispatchAsync("TerminateCase", "operator", "case-7");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("case-7", JsonDocument.Parse(body).RootElement.GetProperty("terminated").GetString());
    }

    [Fact]
    public async Task DispatchAsync_AnonymousRoute_NoKeyNeeded()
    {
        var (status, _, body) = await DispatchAsync("Health", key: null);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Contains("healthy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_HandlerAnswersAnEmptyError_ProblemDetailsWithThatStatus()
    {
        var (status, contentType, body) = await DispatchAsync("RetryCase", "operator", "case-7");

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(409, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task DispatchAsync_RouteWithoutHandler_501ProblemDetails()
    {
        var (status, contentType, body) = await DispatchAsync("GetKpis", key: null);

        Assert.Equal(StatusCodes.Status501NotImplemented, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("/api/kpis", body, StringComparison.Ordinal);
    }
}
