using System.Collections.Frozen;
using Collections.Operations.Apis;
using Collections.Operations.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Functions.Api;

/// <summary>
/// The endpoint each route runs: the local host's own endpoints, mapped by the shared code
/// (<see cref="HealthEndpoints.MapHealth"/> and <see cref="OperationsApi.MapOperationsApi{TBuilder}"/>) onto an
/// <see cref="EndpointCollector"/> of this app's services. Their request delegates are the shared handler methods
/// (<c>CasesApi.ListCases</c>, <c>CaseActionsApi.Promise</c>...) as minimal APIs build them: route values, query, JSON
/// body and services bind exactly as in the local host, the group's filter validates resource ids, and the typed results
/// write the same bodies and status codes. A route without an endpoint answers 501 as ProblemDetails.
/// </summary>
internal sealed class OperationsHandlers
{
    private readonly FrozenDictionary<string, RouteEndpoint> _byRoute;

    public OperationsHandlers(IServiceProvider services)
        : this(services, builder =>
        {
            builder.MapHealth();
            builder.MapOperationsApi();
        })
    {
    }

    /// <summary>Collects the endpoints <paramref name="map"/> maps (tests map their own).</summary>
    internal OperationsHandlers(IServiceProvider services, Action<IEndpointRouteBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = new EndpointCollector(services);
        map(builder);
        Endpoints = [.. builder.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()];
        _byRoute = Endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Key: Key(m, e.RoutePattern.RawText ?? ""), Endpoint: e)))
            .ToFrozenDictionary(x => x.Key, x => x.Endpoint, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every endpoint the shared code mapped.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints { get; }

    /// <summary>The endpoint of the route's method and template, or null when none was mapped.</summary>
    public RouteEndpoint? Find(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return _byRoute.GetValueOrDefault(Key(route.Method, route.Template));
    }

    /// <summary>The answer of a route without a handler: 501 as ProblemDetails.</summary>
    public static IResult NotWired(ApiRoute route) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status501NotImplemented,
            title: "Not wired",
            detail: $"{route.Method} /{route.Template} has no handler in this build of the Functions app.");

    private static string Key(string method, string template) => method + " /" + template.Trim('/');
}
