using System.Text;
using Collections.Functions.Api;
using Collections.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace Collections.Functions.Tests.Api;

/// <summary>
/// The Functions app's real composition (<see cref="FunctionsAppServices.AddCollectionsFunctions"/>) on the sample
/// settings, without a Functions host: nothing is started and nothing touches the network until a handler reads storage.
/// Requests run through the dispatcher as an HTTP function would run them, with a stand-in Durable Task client.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public FunctionsApp()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(LocalHostRoutes.SampleSettings());
        builder.AddCollectionsFunctions();
        _services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static string ReaderKey => LocalHostRoutes.SampleSettings()["Api:ReaderKeys"]!;

    public static string OperatorKey => LocalHostRoutes.SampleSettings()["Api:OperatorKeys"]!;

    public IServiceProvider Services => _services;

    /// <summary>The stand-in client the invocation's binding would give.</summary>
    public DurableTaskClient Client { get; } = new Mock<DurableTaskClient>("test-hub").Object;

    /// <summary>Runs a route as its HTTP function does; the path is the route's template with the id filled in.</summary>
    public async Task<TestAnswer> DispatchAsync(string routeName, string? key, string? id = null, string? body = null, string contentType = "application/json")
    {
        var route = OperationsRoutes.Named(routeName);
        await using var scope = _services.CreateAsyncScope();
        var (http, response) = TestRequests.Create(scope.ServiceProvider, key);
        http.Request.Method = route.Method;
        http.Request.Path = "/" + route.Template.Replace("{instanceId}", id, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal);
        if (body is not null)
        {
            http.Request.ContentType = contentType;
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new RequestWithBody());
        }

        var data = route.Parameters.ToDictionary(p => p, _ => (object?)id, StringComparer.Ordinal);
        var result = await _services.GetRequiredService<OperationsDispatcher>().DispatchAsync(routeName, http.Request, new FakeFunctionContext(scope.ServiceProvider, data), Client);
        return await TestRequests.AnswerAsync(http, response, result);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
