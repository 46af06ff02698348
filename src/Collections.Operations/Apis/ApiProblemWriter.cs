using Microsoft.AspNetCore.Mvc;

namespace Collections.Operations.Apis;

/// <summary>
/// Writes ProblemDetails from middleware, the authentication handler and the exception handler, where no endpoint
/// result is available. Always JSON, whatever the caller accepts (a browser asking for HTML gets ProblemDetails too:
/// the problem writer's content negotiation would otherwise fail and leave the error to the next handler).
/// </summary>
internal static class ApiProblemWriter
{
    /// <summary>A 4xx naming the field (<c>errors.&lt;field&gt;</c> and <c>detail: "&lt;field&gt;: why"</c>), as <see cref="ApiProblems.Invalid"/> does.</summary>
    public static Task WriteInvalidAsync(HttpContext context, int status, string field, string message) =>
        WriteAsync(context, new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
        {
            Status = status,
            Title = "The request is not valid.",
            Detail = $"{field}: {message}",
        });

    /// <summary>Writes the problem with its status (ProblemHttpResult: the problem details service when it accepts, else plain JSON).</summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem) =>
        TypedResults.Problem(problem).ExecuteAsync(context);
}
