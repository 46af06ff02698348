using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary>ProblemDetails answers: 400 naming the field, 404 for an unknown resource, 409 with the machine's reason.</summary>
internal static class ApiProblems
{
    /// <summary>The 409 reason when concurrent changes outlast the engine's retries.</summary>
    public const string ConcurrentChange = "the case was changed by concurrent actions; read it again and retry the action if it is still needed";

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
            detail: $"{field}: {message}",
            title: "The request is not valid.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case rejected the action.", detail: reason);
}
