using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Collections.Operations.Apis;

/// <summary>
/// The request pipeline in front of every endpoint, in this order: ProblemDetails for every exception and every
/// empty error answer (in every environment: the developer exception page never answers), <c>nosniff</c> on every
/// response, the API key checked before routing can reveal anything (no 404/405 under <c>/api</c> without a key),
/// and a request body that is not JSON (415) or not UTF-8 (400) refused naming <c>Content-Type</c>.
/// </summary>
internal static class ApiEdge
{
    private static readonly PathString Api = "/api";
    private static readonly PathString Health = "/api/health";

    public static WebApplication UseOperationsApiEdge(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            // OnStarting: the exception handler clears headers set earlier.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (await GateAsync(context))
            {
                await next(context);
            }
        });
        app.UseRouting();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The checks before routing, once the caller is authenticated: under <c>/api</c> (but health) no key is a 401
    /// challenge, a body that is not JSON a 415 and one not in UTF-8 a 400. False when it answered. The Functions app's
    /// HTTP functions run it too.
    /// </summary>
    internal static async Task<bool> GateAsync(HttpContext context)
    {
        if (IsProtected(context.Request.Path) && context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync(ApiRoles.Scheme);
            return false;
        }

        var sendsBody = IsProtected(context.Request.Path) && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        if (sendsBody && !IsJsonOrNone(context.Request.ContentType))
        {
            await ApiProblemWriter.WriteInvalidAsync(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type", "must be application/json");
            return false;
        }

        if (sendsBody && UnsupportedCharset(context.Request.ContentType) is { } charset)
        {
            await ApiProblemWriter.WriteInvalidAsync(context, StatusCodes.Status400BadRequest, "Content-Type", $"charset '{Clip(charset)}' is not supported: send JSON in UTF-8");
            return false;
        }

        return true;
    }

    /// <summary>Everything under /api but the anonymous health probe (routing matches paths case-insensitively, so do we).</summary>
    internal static bool IsProtected(PathString path) =>
        path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase)
        && !path.Equals(Health, StringComparison.OrdinalIgnoreCase)
        && !path.Equals(Health + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>No body type, or a JSON media type (<c>application/json</c>, <c>application/*+json</c>).</summary>
    internal static bool IsJsonOrNone(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || (MediaTypeHeaderValue.TryParse(contentType, out var media)
            && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>The declared charset when it is not UTF-8 (JSON is UTF-8, RFC 8259), else null.</summary>
    internal static string? UnsupportedCharset(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue)
        {
            return null;
        }

        var charset = media.Charset.Value.Trim('"');
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : charset;
    }
}
