using System.Net;
using System.Text;

namespace Collections.Host.Tests.Apis;

/// <summary>The key is checked before routing reveals anything; every response says nosniff; the OpenAPI document declares the key.</summary>
[Collection(OperationsCollection.Name)]
public sealed class ApiEdgeTests(OperationsHostFixture host)
{
    [Theory]
    [InlineData("GET", "/api/cases/c-1/raiseEvent/promise")] // a POST route
    [InlineData("DELETE", "/api/cases")]
    [InlineData("PUT", "/api/kpis")]
    [InlineData("GET", "/api/no-such-route")]
    [InlineData("GET", "/API/CASES")]
    [InlineData("GET", "/api/health/x")]
    public async Task AnyApiPath_WithoutKey_Answers401BeforeRouting(string method, string path)
    {
        using var anonymous = host.Anonymous();
        using var wrong = host.WithKey("not-a-key-of-this-host-0000");
        foreach (var client in new[] { anonymous, wrong })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(response.Content.Headers.Contains("Allow"));
        }
    }

    [Fact]
    public async Task WrongMethod_WithKey_Answers405Problem()
    {
        using var reader = host.Reader();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/cases", UriKind.Relative));
        using var response = await reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/cases?entity=ops", true, HttpStatusCode.OK)]
    [InlineData("/api/cases?pageSize=0", true, HttpStatusCode.BadRequest)]
    [InlineData("/api/cases/c-ffffffffffffffff-001", true, HttpStatusCode.NotFound)]
    [InlineData("/api/cases", false, HttpStatusCode.Unauthorized)]
    [InlineData("/api/health", false, HttpStatusCode.OK)]
    [InlineData("/api/openapi.json", true, HttpStatusCode.OK)]
    public async Task JsonResponses_CarryNosniff(string path, bool withKey, HttpStatusCode status)
    {
        using var client = withKey ? host.Reader() : host.Anonymous();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        Assert.Contains("json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresTheApiKeySchemes_AndHealthNeedsNone()
    {
        using var reader = host.Reader();
        var doc = await reader.GetJsonAsync("/api/openapi.json");

        var schemes = doc["components"]!["securitySchemes"]!;
        Assert.Equal("apiKey", schemes["FunctionsKey"]!["type"].Str());
        Assert.Equal("header", schemes["FunctionsKey"]!["in"].Str());
        Assert.Equal("x-functions-key", schemes["FunctionsKey"]!["name"].Str());
        Assert.Equal("query", schemes["FunctionsKeyQuery"]!["in"].Str());
        Assert.Equal("code", schemes["FunctionsKeyQuery"]!["name"].Str());
        var required = doc["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();
        Assert.Equal(["FunctionsKey", "FunctionsKeyQuery"], required);
        Assert.Empty(doc["paths"]!["/api/health"]!["get"]!["security"]!.AsArray());
        Assert.Null(doc["paths"]!["/api/cases"]!["get"]!["security"]);
    }

    [Fact]
    public async Task ErrorBodies_NeverEchoTheKey()
    {
        using var op = host.Operator();
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var response = await op.PostAsync(new Uri("/api/cases/c-1/raiseEvent/promise", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(OperationsFactory.OperatorKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain("x-functions-key", body, StringComparison.OrdinalIgnoreCase);
    }
}
