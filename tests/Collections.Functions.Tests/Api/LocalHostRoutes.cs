using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Collections.Operations.Hosting;

namespace Collections.Functions.Tests.Api;

/// <summary>
/// The local host's HTTP endpoints, as its own code maps them: the host is composed from the sample settings (nothing
/// is started, nothing touches the network) and its API and health endpoints mapped, by reflection because they are
/// internal to the host. Once the handlers and the route list are shared, this reads the shared list instead.
/// </summary>
internal static class LocalHostRoutes
{
    private const string HostAssembly = "Collections.Host";

    public sealed record Route(string Method, string Template, IReadOnlyList<string> Policies, string? Name);

    public static IReadOnlyList<Route> Read()
    {
        var host = Assembly.Load(HostAssembly);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(SampleSettings());
        Invoke(host, "Hosting.CollectionsServices", "AddCollections", builder);
        Invoke(host, "Apis.OperationsApi", "AddOperationsApi", builder.Services);
        var app = builder.Build();
        Invoke(host, "Hosting.HealthEndpoints", "MapHealth", app);
        Invoke(host, "Apis.OperationsApi", "MapOperationsApi", app);

        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Route(
                m,
                e.RoutePattern.RawText!.Trim('/'),
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)))];
    }

    private static void Invoke(Assembly host, string type, string method, object argument)
    {
        var t = host.GetType($"{HostAssembly}.{type}", throwOnError: true)!;
        var m = t.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(t.FullName, method);
        m.Invoke(null, [argument]);
    }

    private static Dictionary<string, string?> SampleSettings()
    {
        using var doc = JsonDocument.Parse(RepositoryFiles.Read("local.settings.sample.json"));
        return doc.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
    }
}
