using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Collections.Pipeline.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// The host as run-local.sh starts it (Development): an unexpected failure and a malformed body both answer
/// ProblemDetails with no stack trace, no request headers and no key (the developer exception page never answers).
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class DevelopmentEnvironmentTests(OperationsHostFixture host) : IAsyncLifetime
{
    private OperationsFactory? _factory;

    public Task InitializeAsync()
    {
        _factory = new OperationsFactory(host.StorageConnectionString, new ManualTimeProvider(OperationsHostFixture.Now), "Development",
            services => services.AddSingleton(ThrowingProjectionStore.Create()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private HttpClient Client(string key)
    {
        var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        client.DefaultRequestHeaders.Add("X-Secret-Probe", "header-value-that-must-not-echo");
        return client;
    }

    private static void AssertNothingLeaks(string body)
    {
        Assert.DoesNotContain(OperationsFactory.ReaderKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain(OperationsFactory.OperatorKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain("header-value-that-must-not-echo", body, StringComparison.Ordinal);
        Assert.DoesNotContain("x-functions-key", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ThrowingProjectionStore", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnexpectedFailure_InDevelopment_Answers500ProblemWithTraceIdOnly()
    {
        using var client = Client(OperationsFactory.ReaderKey);
        using var response = await client.GetAsync(new Uri("/api/cases/c-1", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(System.Text.Json.Nodes.JsonNode.Parse(body)!["traceId"].Str()));
        AssertNothingLeaks(body);
    }

    [Fact]
    public async Task MalformedJson_InDevelopment_Answers400NamingTheField()
    {
        using var client = Client(OperationsFactory.OperatorKey);
        using var content = new StringContent("{\"promisedDate\":\"not a date\",\"amount\":1,\"currency\":\"EUR\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/cases/c-1/raiseEvent/promise", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(body)!["errors"]!["promisedDate"]);
        AssertNothingLeaks(body);
    }

    [Fact]
    public async Task BogusCharset_InDevelopment_Answers400NamingContentType()
    {
        using var client = Client(OperationsFactory.OperatorKey);
        using var content = new StringContent("{}", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");
        using var response = await client.PostAsync(new Uri("/api/cases/c-1/raiseEvent/resume", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(body)!["errors"]!["Content-Type"]);
        AssertNothingLeaks(body);
    }
}
