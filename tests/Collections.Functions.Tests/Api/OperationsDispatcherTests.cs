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
        ("GetKpis", (Func<IResult>)(() => throw new InvalidOperationException("secret-detail"))),
    ];

    private static ServiceProvider Services(Action<IServiceCollection>? configure = null)
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
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static async Task<Answer> DispatchAsync(string route, string? key, string? instanceId = null, Action<IServiceCollection>? configure = null)
    {
        await using var services = Services(configure);
        var (http, response) = Context(services, key);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (instanceId is not null)
        {
            data["instanceId"] = instanceId;
        }

        var result = await services.GetRequiredService<OperationsDispatcher>().DispatchAsync(route, http.Request, new FakeFunctionContext(services, data));
        return await AnswerAsync(http, response, result);
    }

    private static (DefaultHttpContext Http, StartingResponseFeature Response) Context(IServiceProvider services, string? key)
    {
        var response = new StartingResponseFeature { Body = new MemoryStream() };
        var http = new DefaultHttpContext { RequestServices = services };
        http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(response);
        http.Response.Body = response.Body;
        if (key is not null)
        {
            http.Request.Headers["x-functions-key"] = key;
        }

        return (http, response);
    }

    private static async Task<Answer> AnswerAsync(DefaultHttpContext http, StartingResponseFeature response, IResult result)
    {
        await result.ExecuteAsync(http);
        await response.StartAsync();
        response.Body.Position = 0;
        return new Answer(http.Response.StatusCode, http.Response.ContentType, await new StreamReader(response.Body).ReadToEndAsync(), http.Response.Headers.XContentTypeOptions.ToString());
    }

    private sealed record Answer(int Status, string? ContentType, string Body, string NoSniff);

    [Fact]
    public async Task DispatchAsync_ReaderKeyOnReadRoute_HandlerGetsTheRouteValueFromBindingData()
    {
        var (status, _, body, _) = await DispatchAsync("GetCase", "reader", "case-7");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("case-7", JsonDocument.Parse(body).RootElement.GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task DispatchAsync_NoKeyOnReadRoute_Challenged401()
    {
        var (status, _, body, _) = await DispatchAsync("GetCase", key: null, "case-7");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain("case-7", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_ReaderKeyOnOperatorRoute_Forbidden403()
    {
        var (status, _, body, _) = await DispatchAsync("TerminateCase", "reader", "case-7");

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.DoesNotContain("terminated", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_OperatorKeyOnOperatorRoute_HandlerAnswers()
    {
        var (status, _, body, _) = await DispatchAsync("TerminateCase", "operator", "case-7");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("case-7", JsonDocument.Parse(body).RootElement.GetProperty("terminated").GetString());
    }

    [Fact]
    public async Task DispatchAsync_AnonymousRoute_NoKeyNeeded()
    {
        var (status, _, body, _) = await DispatchAsync("Health", key: null);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Contains("healthy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_HandlerAnswersAnEmptyError_ProblemDetailsWithThatStatus()
    {
        var (status, contentType, body, _) = await DispatchAsync("RetryCase", "operator", "case-7");

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(409, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task DispatchAsync_RouteWithoutHandler_501ProblemDetails()
    {
        var (status, contentType, body, _) = await DispatchAsync("GetOverview", "reader");

        Assert.Equal(StatusCodes.Status501NotImplemented, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("/api/overview", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_RouteWithoutHandlerAndNoKey_401BeforeAnythingElse()
    {
        var (status, _, body, _) = await DispatchAsync("GetOverview", key: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain("overview", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DispatchAsync_NoKeyOnOperatorRouteWithInvalidId_401NotValidation()
    {
        var (status, _, _, _) = await DispatchAsync("TerminateCase", key: null, "bad/id");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
    }

    [Theory]
    [InlineData("Health", null)]
    [InlineData("GetCase", null)]
    [InlineData("GetCase", "reader")]
    [InlineData("TerminateCase", "reader")]
    [InlineData("GetKpis", "reader")]
    public async Task DispatchAsync_AnyAnswer_NoSniff(string route, string? key)
    {
        var answer = await DispatchAsync(route, key, "case-7");

        Assert.Equal("nosniff", answer.NoSniff);
    }

    [Fact]
    public async Task DispatchAsync_HandlerThrowsAndNoHandlerTakesIt_500ProblemDetailsWithoutTheException()
    {
        var (status, contentType, body, _) = await DispatchAsync("GetKpis", "reader");

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.DoesNotContain("secret-detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_HandlerThrows_TheRegisteredExceptionHandlerAnswers()
    {
        var (status, _, body, _) = await DispatchAsync("GetKpis", "reader", configure: s => s.AddExceptionHandler<TeapotExceptionHandler>());

        Assert.Equal(StatusCodes.Status418ImATeapot, status);
        Assert.Equal("teapot", body);
    }

    [Theory]
    [InlineData(null, StatusCodes.Status401Unauthorized)]
    [InlineData("reader", StatusCodes.Status404NotFound)]
    public async Task NotFoundAsync_UnknownApiPath_401WithoutKey404WithOne(string? key, int expected)
    {
        await using var services = Services();
        var (http, response) = Context(services, key);

        var answer = await AnswerAsync(http, response, await services.GetRequiredService<OperationsDispatcher>().NotFoundAsync(http.Request));

        Assert.Equal(expected, answer.Status);
        Assert.Equal("nosniff", answer.NoSniff);
    }
}
