using Collections.Functions.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Dashboard;

/// <summary>
/// Serves the dashboard from the Functions app with the local host's own code and files
/// (<see cref="DashboardMiddleware.TryServeAsync"/> over the assets embedded in Collections.Operations). The shell holds
/// no data, so it is anonymous (the page asks for a key); every datum it shows comes from <c>/api</c>. A catch-all route
/// with the lowest precedence: every API route is literal, so it wins. host.json's route prefix is empty for this,
/// because the shell lives at <c>/</c>.
/// </summary>
internal static class DashboardFunction
{
    public const string Name = "Dashboard";

    /// <summary>The catch-all route: the site root and every path no API route takes.</summary>
    public const string Route = "{*path}";

    private static readonly PathString ApiPrefix = "/api";

    [Function(Name)]
    public static async Task<IResult> Serve([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Route)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // An /api path no API function took: the API's answer (401 without a key, so it reveals nothing; else 404).
            return await request.HttpContext.RequestServices.GetRequiredService<OperationsDispatcher>().NotFoundAsync(request);
        }

        return await DashboardMiddleware.TryServeAsync(request.HttpContext)
            ? Results.Empty
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{request.Path} is not a page of the dashboard or the API");
    }
}
