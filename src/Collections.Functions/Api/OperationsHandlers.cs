using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.Functions.Api;

/// <summary>
/// The handler each route runs, built once with ASP.NET Core's <see cref="RequestDelegateFactory"/> (the binder
/// minimal APIs use: route values, query, JSON body and services bind exactly as in the local host, and the typed
/// results write the same bodies and status codes). A route without a handler answers 501 as ProblemDetails, after the key check.
/// </summary>
internal sealed class OperationsHandlers
{
    private readonly FrozenDictionary<string, RequestDelegate> _handlers;

    public OperationsHandlers(IServiceProvider services)
        : this(services, Handlers())
    {
    }

    /// <summary>Builds the given handlers (tests pass their own).</summary>
    internal OperationsHandlers(IServiceProvider services, IEnumerable<(string Name, Delegate Handler)> handlers)
    {
        // Binding failures throw (the API's AddOperationsApi asks for that in every environment), so the dispatcher's
        // exception handlers answer them with ProblemDetails naming the field, as the local host does.
        var throwOnBadRequest = services.GetService<IOptions<RouteHandlerOptions>>()?.Value.ThrowOnBadRequest ?? true;
        var built = new Dictionary<string, RequestDelegate>(StringComparer.Ordinal);
        foreach (var (name, handler) in handlers)
        {
            var route = OperationsRoutes.Named(name);
            var options = new RequestDelegateFactoryOptions { ServiceProvider = services, RouteParameterNames = route.Parameters, ThrowOnBadRequest = throwOnBadRequest };
            built[name] = RequestDelegateFactory.Create(handler, options).RequestDelegate;
        }

        _handlers = built.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The route's handler, or null when it has none.</summary>
    public RequestDelegate? Find(ApiRoute route) => _handlers.GetValueOrDefault(route.Name);

    /// <summary>Names of the routes that have a handler.</summary>
    public IReadOnlyCollection<string> Wired => _handlers.Keys;

    // TODO(lead, after merging): the handlers are the local host's static endpoint methods (today internal in
    // src/Collections.Operations/Apis: CasesApi.ListCases, CaseActionsApi.Promise, LedgerFilesApi.ListFiles, KpisApi.GetKpis,
    // OverviewApi.GetOverview, the health and OpenAPI endpoints...). Once they live in the shared project, list each
    // here by route name, e.g. ["ListCases"] = CasesApi.ListCases, and register the API's services (AddOperationsApi:
    // the key scheme, the two policies, ProblemDetails, JSON options) in FunctionsAppServices.
    private static IEnumerable<(string Name, Delegate Handler)> Handlers() => [];

    /// <summary>The answer of a route without a handler: 501 as ProblemDetails.</summary>
    public static IResult NotWired(ApiRoute route) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status501NotImplemented,
            title: "Not wired",
            detail: $"{route.Method} /{route.Template} has no handler in this build of the Functions app.");
}
