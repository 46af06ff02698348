using System.Collections.Frozen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Collections.Functions.Hosting;
using Collections.Operations.Apis;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Collections.Functions.Api;

/// <summary>
/// Runs one route of the operations API inside an HTTP function with the local host's edge rules, in its order
/// (<see cref="ApiEdge.UseOperationsApiEdge"/>): <c>nosniff</c> on every answer, the API key checked before anything
/// can reveal a route (401) and the body's content type (415/400) by the shared <see cref="ApiEdge.GateAsync"/>, then
/// the endpoint's policies through ASP.NET Core's own policy evaluator (403), the route values from the Functions
/// binding data, the shared endpoint (its resource-id filter, then its handler), an empty error answer turned into ProblemDetails as
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

    /// <summary>
    /// Runs the named route with the invocation's Durable Task client (the function's <c>[DurableClient]</c> binding,
    /// which the handlers take from dependency injection: see <see cref="InvocationDurableClient"/>); the response is
    /// written to the request's context.
    /// </summary>
    public async Task<IResult> DispatchAsync(string routeName, HttpRequest request, FunctionContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var route = Routes[routeName];
        var http = request.HttpContext;
        NoSniff(http);
        try
        {
            InvocationDurableClient.Set(http.RequestServices, client);
            await AuthenticateAsync(http);
            if (!await ApiEdge.GateAsync(http))
            {
                return Results.Empty;
            }

            if (handlers.Find(route) is not { } endpoint)
            {
                return OperationsHandlers.NotWired(route);
            }

            CopyRouteValues(route, context, request);
            http.SetEndpoint(endpoint);
            if (!await AuthorizeAsync(endpoint, http))
            {
                return Results.Empty;
            }

            await endpoint.RequestDelegate!(http);
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
        var http = request.HttpContext;
        NoSniff(http);
        await AuthenticateAsync(http);
        return await ApiEdge.GateAsync(http)
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

    /// <summary>What AuthenticationMiddleware does: the default scheme's user, if the request carries one.</summary>
    private async Task AuthenticateAsync(HttpContext http)
    {
        if (await schemes.GetDefaultAuthenticateSchemeAsync() is { } scheme
            && await http.AuthenticateAsync(scheme.Name) is { Principal: { } principal })
        {
            http.User = principal;
        }
    }

    /// <summary>
    /// What AuthorizationMiddleware does with the endpoint's metadata (the policies the shared mapping put on it):
    /// false when it answered 401 or 403.
    /// </summary>
    private async Task<bool> AuthorizeAsync(Endpoint endpoint, HttpContext http)
    {
        var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || await AuthorizationPolicy.CombineAsync(policies, authorizeData, endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()) is not { } policy)
        {
            return true;
        }

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
