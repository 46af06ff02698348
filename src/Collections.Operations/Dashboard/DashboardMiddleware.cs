using Collections.Operations.Dashboard;

// In the builder's namespace (as ASP.NET's own Map*/Use* extensions are) so Program.cs needs no extra using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Serves the dashboard shell: <c>/</c>, <c>/cases/{id}</c> and <c>/files/{id}</c> answer <c>index.html</c>, and
/// <c>/dashboard/{file}</c> the embedded assets. The shell is static and holds no data, so it is served without a
/// key (the page asks for one); every datum it shows comes from <c>/api</c>, which requires a key. It is a
/// middleware rather than routed endpoints, so the API's endpoint list stays "everything protected but health".
/// </summary>
internal static class DashboardMiddleware
{
    private const string Csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!await TryServeAsync(context))
            {
                await next(context);
            }
        });
        return app;
    }

    /// <summary>
    /// Answers a GET or HEAD of a dashboard path with its file and the security headers; false (nothing written) for
    /// any other request. The Functions app's <c>Dashboard</c> function serves through it too.
    /// </summary>
    internal static async Task<bool> TryServeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return false;
        }

        var name = Resolve(context.Request.Path.Value ?? "/");
        if (name is null || DashboardAssets.Get(name) is not { } file)
        {
            return false;
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Csp;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Content.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
        }

        return true;
    }

    /// <summary>The asset a path serves, or null when the path is not the dashboard's.</summary>
    internal static string? Resolve(string path)
    {
        if (path is "/" or "/index.html")
        {
            return "index.html";
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["cases" or "files", _] => "index.html",
            ["dashboard", var file] when !file.Contains("..", StringComparison.Ordinal) => file,
            _ => null,
        };
    }
}
