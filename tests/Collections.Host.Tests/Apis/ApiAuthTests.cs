using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Host.Tests.Apis;

[Collection(OperationsCollection.Name)]
public sealed class ApiAuthTests(OperationsHostFixture host)
{
    [Fact]
    public async Task EveryEndpoint_WithoutOrWithWrongKey_Answers401_ExceptHealth()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");
        using var anonymous = host.Anonymous();
        using var wrong = host.WithKey("not-a-key-of-this-host-0000");
        var anonymousOnes = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var path = string.Join('/', pattern.Split('/').Select(s => s.StartsWith('{') ? "x" : s));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymousOnes.Add(pattern);
                continue;
            }

            Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            foreach (var method in methods)
            {
                foreach (var client in new[] { anonymous, wrong })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                    if (method != "GET")
                    {
                        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request);
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.Equal(["/api/health"], anonymousOnes);
    }

    [Fact]
    public async Task Health_WithoutKey_IsOk()
    {
        using var client = host.Anonymous();
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReaderKey_Acting_Answers403()
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var reader = host.Reader();
        using var response = await reader.PostJsonAsync($"/api/cases/{id}/raiseEvent/pause", new { reason = "call back" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReaderKey_InCodeQuery_Reads()
    {
        using var client = host.Anonymous();
        using var response = await client.GetAsync(new Uri("/api/cases?entity=ops&code=" + OperationsFactory.ReaderKey, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_WithReaderKey_ListsTheApi()
    {
        using var reader = host.Reader();
        var doc = await reader.GetJsonAsync("/api/openapi.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/cases", paths);
        Assert.Contains("/api/cases/{instanceId}/raiseEvent/promise", paths);
        Assert.Contains("/api/kpis", paths);
        Assert.Contains("/api/ledger-files/{id}", paths);
    }

    [Fact]
    public async Task DashboardShell_WithoutKey_IsStaticAndHoldsNoData()
    {
        using var client = host.Anonymous();
        foreach (var path in new[] { "/", "/cases/c-anything", "/files/f-anything" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Acme", html, StringComparison.Ordinal);
            Assert.Contains("/dashboard/app.js", html, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }
}
