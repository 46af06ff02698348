using System.Collections.Frozen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Collections.Functions.Api;

/// <summary>
/// Runs one route of the operations API inside an HTTP function with the local host's edge rules, in its order
/// (<c>ApiEdge.UseOperationsApiEdge</c>): <c>nosniff</c> on every answer, the API key checked before anything can
/// reveal a route (401), then the route's policies through ASP.NET Core's own policy evaluator (403), the route values
/// from the Functions binding data, the handler, an empty error answer turned into ProblemDetails as
/// <c>UseStatusCodePages</c> does, and every exception answered by the API's exception handlers (a 500 without a stack
/// trace when none takes it), as <c>UseExceptionHandler</c> does. The Functions worker runs none of those middlewares
/// for a function, hence this class.
/// </summary>
internal sealed partial class OperationsDispatcher(
    OperationsHandlers handlers,
    IAuthenticationSchemeProvider schemes,
    IAuthorizationPolicyProvider policies,
    IPolicyEvaluator evaluator,
    IProblemDetailsService problems,
    IEnumerable<IExceptionHandler> exceptionHandlers,
    ILogger<OperationsDispatcher> logger)
{
    private static readonly FrozenDictionary<string, ApiRoute> Routes = OperationsRoutes.All.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>Runs the named route; the response is written to the request's context.</summary>
    public async Task<IResult> DispatchAsync(string routeName, HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var route = Routes[routeName];
        var http = request.HttpContext;
        NoSniff(http);
        try
        {
            if (route.Policies.Count > 0 && !await AuthenticateAsync(http))
            {
                return Results.Empty;
            }

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
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            await HandleAsync(http, exception);
        }

        return Results.Empty;
    }

    /// <summary>
    /// A path under <c>/api</c> that no API function took (the dashboard's catch-all received it): as in the local host,
    /// 401 without a valid key, so unknown and known routes look alike to a caller without one; 404 with one.
    /// </summary>
    public async Task<IResult> NotFoundAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        NoSniff(request.HttpContext);
        return await AuthenticateAsync(request.HttpContext)
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found")
            : Results.Empty;
    }

    // OnStarting, as the local host does: an exception handler clears the headers set before it ran.
    private static void NoSniff(HttpContext http) =>
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });

    /// <summary>
    /// What AuthenticationMiddleware and the host's key gate do before routing: the default scheme's user, and its
    /// challenge (401 ProblemDetails from the API's key handler) when there is none; false when it answered.
    /// </summary>
    private async Task<bool> AuthenticateAsync(HttpContext http)
    {
        if (await schemes.GetDefaultAuthenticateSchemeAsync() is { } scheme
            && await http.AuthenticateAsync(scheme.Name) is { Principal: { } principal })
        {
            http.User = principal;
        }

        if (http.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        await http.ChallengeAsync();
        return false;
    }

    /// <summary>
    /// What AuthorizationMiddleware does for an endpoint with these policies: false when it answered 401 or 403.
    /// </summary>
    private async Task<bool> AuthorizeAsync(ApiRoute route, HttpContext http)
    {
        if (route.Policies.Count == 0)
        {
            return true;
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

    /// <summary>
    /// What ExceptionHandlerMiddleware does: a cleared response, the registered handlers in order (the API's turns
    /// binding failures into 4xx naming the field and anything else into a 500 with a trace id), and a bare 500
    /// ProblemDetails when none handles it. Never the exception's message or stack trace.
    /// </summary>
    private async Task HandleAsync(HttpContext http, Exception exception)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        foreach (var handler in exceptionHandlers)
        {
            if (await handler.TryHandleAsync(http, exception, http.RequestAborted))
            {
                return;
            }
        }

        LogUnhandled(logger, exception, exception.GetType().Name, http.TraceIdentifier);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
        });
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

    [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} answered 500 (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string exceptionType, string traceId);
}
