using System.Collections.Frozen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Collections.Functions.Api;

/// <summary>
/// Runs one route of the operations API inside an HTTP function the way the local host's endpoint pipeline does:
/// the route's authorization policies through ASP.NET Core's own policy evaluator (401/403 answered by the API's
/// authentication handler as ProblemDetails), the route values from the Functions binding data, the route's handler,
/// and an empty error answer turned into ProblemDetails as the host's <c>UseStatusCodePages</c> does.
/// </summary>
internal sealed class OperationsDispatcher(
    OperationsHandlers handlers,
    IAuthenticationSchemeProvider schemes,
    IAuthorizationPolicyProvider policies,
    IPolicyEvaluator evaluator,
    IProblemDetailsService problems)
{
    private static readonly FrozenDictionary<string, ApiRoute> Routes = OperationsRoutes.All.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>Runs the named route; the response is written to the request's context.</summary>
    public async Task<IResult> DispatchAsync(string routeName, HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var route = Routes[routeName];
        var http = request.HttpContext;
        if (handlers.Find(route) is not { } handler)
        {
            return OperationsHandlers.NotWired(route);
        }

        CopyRouteValues(route, context, request);
        if (!await AuthorizeAsync(route, http))
        {
            return Results.Empty;
        }

        await handler(http);
        if (http.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
        {
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = response.StatusCode } });
        }

        return Results.Empty;
    }

    /// <summary>
    /// What AuthenticationMiddleware and AuthorizationMiddleware do for an endpoint with these policies (the Functions
    /// worker runs neither): the default scheme's user, then the policies; false when it answered 401 or 403.
    /// </summary>
    private async Task<bool> AuthorizeAsync(ApiRoute route, HttpContext http)
    {
        if (route.Policies.Count == 0)
        {
            return true;
        }

        if (await schemes.GetDefaultAuthenticateSchemeAsync() is { } scheme
            && await http.AuthenticateAsync(scheme.Name) is { Principal: { } principal })
        {
            http.User = principal;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, route.AuthorizeData)
            ?? throw new InvalidOperationException($"route {route.Name}: no authorization policy");
        var authentication = await evaluator.AuthenticateAsync(policy, http);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, http, resource: http);
        if (authorization.Succeeded)
        {
            return true;
        }

        foreach (var name in policy.AuthenticationSchemes.DefaultIfEmpty())
        {
            if (authorization.Challenged)
            {
                await http.ChallengeAsync(name);
            }
            else
            {
                await http.ForbidAsync(name);
            }
        }

        return false;
    }

    /// <summary>The Functions host matched the route; its parameters arrive as binding data.</summary>
    private static void CopyRouteValues(ApiRoute route, FunctionContext context, HttpRequest request)
    {
        foreach (var name in route.Parameters)
        {
            if (!request.RouteValues.ContainsKey(name) && context.BindingContext.BindingData.TryGetValue(name, out var value) && value is not null)
            {
                request.RouteValues[name] = value.ToString();
            }
        }
    }
}
