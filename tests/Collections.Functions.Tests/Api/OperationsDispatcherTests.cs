using System.Text;
using System.Text.Json;
using Collections.Functions.Api;
using Collections.Functions.Hosting;
using Collections.Operations.Apis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Collections.Functions.Tests.Api;

/// <summary>
/// The dispatcher over stand-in endpoints (mapped like the shared ones: an /api group needing a read key and validating
/// resource ids) and a stand-in key scheme: the local host's edge order (key first, then body checks, then policies,
/// then the resource-id filter and the handler), ProblemDetails for empty errors and exceptions, nosniff everywhere.
/// </summary>
public sealed class OperationsDispatcherTests
{
    private static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", () => TypedResults.Ok(new { status = "healthy" })).AllowAnonymous();
        var api = app.MapGroup("/api").RequireAuthorization(OperationsRoutes.ReadPolicy).ValidateResourceIds();
        api.MapGet("/cases/{instanceId}", (string instanceId, DurableTaskClient client) => TypedResults.Ok(new { instanceId, hub = client.Name }));
        api.MapPost("/cases/{instanceId}/terminate", (string instanceId) => TypedResults.Ok(new { terminated = instanceId })).RequireAuthorization(OperationsRoutes.ActPolicy);
        api.MapPost("/cases/{instanceId}/retry", (string instanceId) => Results.StatusCode(StatusCodes.Status409Conflict)).RequireAuthorization(OperationsRoutes.ActPolicy);
        api.MapGet("/kpis", IResult () => throw new InvalidOperationException("secret-detail"));
    }

    private static ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRouting();
        services.AddProblemDetails();
        services.AddAuthentication(ApiRoles.Scheme).AddScheme<AuthenticationSchemeOptions, TestKeyHandler>(ApiRoles.Scheme, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(OperationsRoutes.ReadPolicy, p => p.RequireRole("reader", "operator"))
            .AddPolicy(OperationsRoutes.ActPolicy, p => p.RequireRole("operator"));
        services.AddSingleton(sp => new OperationsHandlers(sp, Map));
        services.AddSingleton<OperationsDispatcher>();
        InvocationDurableClient.Register(services);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static async Task<TestAnswer> DispatchAsync(string route, string? key, string? instanceId = null, Action<IServiceCollection>? configure = null, string? contentType = null)
    {
        await using var services = Services(configure);
        await using var scope = services.CreateAsyncScope();
        var (http, response) = TestRequests.Create(scope.ServiceProvider, key);
        var apiRoute = OperationsRoutes.Named(route);
        http.Request.Method = apiRoute.Method;
        http.Request.Path = "/" + apiRoute.Template.Replace("{instanceId}", instanceId, StringComparison.Ordinal);
        if (contentType is not null)
        {
            http.Request.ContentType = contentType;
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{}"));
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (instanceId is not null)
        {
            data["instanceId"] = instanceId;
        }

        var client = new Mock<DurableTaskClient>("hub-of-this-invocation").Object;
        var result = await services.GetRequiredService<OperationsDispatcher>().DispatchAsync(route, http.Request, new FakeFunctionContext(scope.ServiceProvider, data), client);
        return await TestRequests.AnswerAsync(http, response, result);
    }

    [Fact]
    public async Task DispatchAsync_ReaderKeyOnReadRoute_HandlerGetsTheRouteValueAndTheInvocationsDurableClient()
    {
        var (status, _, body, _) = await DispatchAsync("GetCase", "reader", "case-7");

        Assert.Equal(StatusCodes.Status200OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("case-7", json.RootElement.GetProperty("instanceId").GetString());
        Assert.Equal("hub-of-this-invocation", json.RootElement.GetProperty("hub").GetString());
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
        var (status, _, body, _) = await DispatchAsync("TerminateCase", "reader", "case-7", contentType: "application/json");

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.DoesNotContain("terminated", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_OperatorKeyOnOperatorRoute_HandlerAnswers()
    {
        var (status, _, body, _) = await DispatchAsync("TerminateCase", "operator", "case-7", contentType: "application/json");

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
    public async Task DispatchAsync_InvalidResourceId_400NamingTheParameter()
    {
        var (status, contentType, body, _) = await DispatchAsync("GetCase", "reader", "bad\u0001id");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("instanceId", out _), body);
    }

    [Fact]
    public async Task DispatchAsync_NoKeyAndInvalidResourceId_401NotValidation()
    {
        var (status, _, body, _) = await DispatchAsync("TerminateCase", key: null, "bad\u0001id");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain("instanceId", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain", StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("application/json; charset=iso-8859-1", StatusCodes.Status400BadRequest)]
    public async Task DispatchAsync_BodyNotJsonInUtf8_RefusedNamingContentTypeBeforeThePolicies(string contentType, int expected)
    {
        // A reader on an operator route: the body check comes first, as in the local host.
        var (status, _, body, _) = await DispatchAsync("TerminateCase", "reader", "case-7", contentType: contentType);

        Assert.Equal(expected, status);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("Content-Type", out _), body);
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
        var (http, response) = TestRequests.Create(services, key);
        http.Request.Path = "/api/unknown";

        var answer = await TestRequests.AnswerAsync(http, response, await services.GetRequiredService<OperationsDispatcher>().NotFoundAsync(http.Request));

        Assert.Equal(expected, answer.Status);
        Assert.Equal("nosniff", answer.NoSniff);
    }
}
