using System.Text.Json;
using Collections.Functions.Api;
using Collections.Functions.Hosting;
using Collections.Pipeline.Ingest.Apply;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Tests.Api;

/// <summary>
/// The Functions app's real composition: every HTTP function runs the shared endpoint of its route (the local host's
/// handler, name, policies and filters), the edge rules come from the shared code, and the services that need the
/// Durable Task client follow the invocation's.
/// </summary>
public sealed class FunctionsAppTests
{
    [Fact]
    public async Task Handlers_EveryRoute_TheSharedEndpointOfItsMethodPathAndName()
    {
        await using var app = new FunctionsApp();
        var handlers = app.Services.GetRequiredService<OperationsHandlers>();

        Assert.All(OperationsRoutes.All, route =>
        {
            var endpoint = handlers.Find(route);
            Assert.True(endpoint is not null, $"{route.Method} /{route.Template} has no shared endpoint");
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            // The OpenAPI document's endpoint (MapOpenApi) carries no name in either host.
            Assert.True(name is null || name == route.Name, $"{route.Name}: the shared endpoint is named {name}");
        });
    }

    [Fact]
    public async Task Handlers_EverySharedEndpoint_HasAnHttpFunction()
    {
        await using var app = new FunctionsApp();
        var routes = OperationsRoutes.All.Select(r => $"{r.Method} /{r.Template}").ToHashSet(StringComparer.OrdinalIgnoreCase);

        var endpoints = app.Services.GetRequiredService<OperationsHandlers>().Endpoints
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"));

        Assert.All(endpoints, e => Assert.Contains(e, routes));
    }

    [Fact]
    public async Task DispatchAsync_NoKey_TheApisOwn401ProblemDetails()
    {
        await using var app = new FunctionsApp();

        var answer = await app.DispatchAsync("ListCases", key: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("nosniff", answer.NoSniff);
    }

    [Fact]
    public async Task DispatchAsync_ReaderKeyOnOperatorRoute_403ProblemDetails()
    {
        await using var app = new FunctionsApp();

        var answer = await app.DispatchAsync("RaisePause", FunctionsApp.ReaderKey, "uk01-C042-1", body: "{}");

        Assert.Equal(StatusCodes.Status403Forbidden, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task DispatchAsync_InvalidCaseId_TheSharedFilters400()
    {
        await using var app = new FunctionsApp();

        var answer = await app.DispatchAsync("GetCase", FunctionsApp.ReaderKey, new string('x', 513));

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.True(JsonDocument.Parse(answer.Body).RootElement.GetProperty("errors").TryGetProperty("instanceId", out _), answer.Body);
    }

    [Fact]
    public async Task DispatchAsync_BodyNotJson_415()
    {
        await using var app = new FunctionsApp();

        var answer = await app.DispatchAsync("RaisePause", FunctionsApp.OperatorKey, "uk01-C042-1", body: "pause", contentType: "text/plain");

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Status);
    }

    [Fact]
    public async Task DispatchAsync_MalformedJsonBody_TheApisExceptionHandlerNamesTheBody()
    {
        await using var app = new FunctionsApp();

        var answer = await app.DispatchAsync("RaisePause", FunctionsApp.OperatorKey, "uk01-C042-1", body: "{ not json");

        Assert.True(answer.Status == StatusCodes.Status400BadRequest, $"{answer.Status} {answer.Body}");
        Assert.True(JsonDocument.Parse(answer.Body).RootElement.GetProperty("errors").TryGetProperty("body", out _), answer.Body);
        Assert.DoesNotContain("Exception", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpenApiDocument_ReaderKey_TheDocumentOfTheSharedEndpoints()
    {
        await using var app = new FunctionsApp();

        var answer = await app.DispatchAsync("GetOpenApiDocument", FunctionsApp.ReaderKey);

        Assert.True(answer.Status == StatusCodes.Status200OK, $"{answer.Status} {answer.Body}");
        var paths = JsonDocument.Parse(answer.Body).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cases/{instanceId}", out _), answer.Body[..Math.Min(400, answer.Body.Length)]);
        Assert.True(paths.TryGetProperty("/api/cases/{instanceId}/raiseEvent/promise", out _));
    }

    [Fact]
    public async Task LedgerIngestProcessor_PerInvocation_BuiltOverThatInvocationsDurableClient()
    {
        await using var app = new FunctionsApp();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        InvocationDurableClient.Set(first.ServiceProvider, app.Client);
        InvocationDurableClient.Set(second.ServiceProvider, app.Client);

        var one = first.ServiceProvider.GetRequiredService<LedgerIngestProcessor>();

        Assert.Same(one, first.ServiceProvider.GetRequiredService<LedgerIngestProcessor>());
        Assert.NotSame(one, second.ServiceProvider.GetRequiredService<LedgerIngestProcessor>());
    }

    [Fact]
    public async Task Settings_FunctionsApp_ReportsTheFunctionsMode()
    {
        await using var app = new FunctionsApp();

        Assert.True(app.Services.GetRequiredService<Collections.Operations.Hosting.HostSettings>().UnderFunctionsHost);
    }
}
