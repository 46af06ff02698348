using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Collections.Operations.Apis;
using Collections.Operations.Hosting;

namespace Collections.Functions.Tests.Api;

/// <summary>
/// The local host's HTTP endpoints, as the shared composition (src/Collections.Operations) maps them: composed from the
/// sample settings (nothing is started, nothing touches the network), then the API and health endpoints mapped.
/// </summary>
internal static class LocalHostRoutes
{
    public sealed record Route(string Method, string Template, IReadOnlyList<string> Policies, string? Name);

    public static IReadOnlyList<Route> Read()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(SampleSettings());
        builder.AddCollections();
        builder.Services.AddOperationsApi();
        var app = builder.Build();
        app.MapHealth();
        app.MapOperationsApi();

        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Route(
                m,
                e.RoutePattern.RawText!.Trim('/'),
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)))];
    }

    internal static Dictionary<string, string?> SampleSettings()
    {
        using var doc = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        return doc.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
    }
}
