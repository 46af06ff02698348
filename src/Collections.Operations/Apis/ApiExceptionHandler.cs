using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.Pipeline.Cases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Collections.Operations.Apis;

/// <summary>
/// Turns every exception that reaches the edge into ProblemDetails, in every environment: a body that cannot be
/// bound is a 4xx naming the field, a case changed by concurrent actions beyond the engine's retries is a 409, and
/// anything else a 500 carrying only a trace id (never a stack trace, a header or the caller's key).
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499; // client closed the request: nobody reads an answer
            return true;
        }

        switch (exception)
        {
            case BadHttpRequestException bad:
                var (field, message) = Describe(bad);
                await ApiProblemWriter.WriteInvalidAsync(httpContext, bad.StatusCode, field, message);
                return true;
            case CaseConcurrencyException:
                LogConflict(logger, httpContext.Request.Path);
                await ApiProblemWriter.WriteAsync(httpContext, new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "The case rejected the action.",
                    Detail = ApiProblems.ConcurrentChange,
                });
                return true;
            default:
                var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
                LogUnhandled(logger, exception, exception.GetType().Name, traceId);
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "An unexpected error occurred.",
                    Detail = "The error was logged; quote the trace id when reporting it.",
                };
                problem.Extensions["traceId"] = traceId;
                await ApiProblemWriter.WriteAsync(httpContext, problem);
                return true;
        }
    }

    /// <summary>The field a binding failure is about, and why, without echoing the request.</summary>
    internal static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var position = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
            var field = FieldOf(json.Path);
            return field is "body"
                ? (field, "is not a valid JSON object" + position)
                : (field, "has a value of the wrong type or format" + position);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ("Content-Type", "must be application/json");
        }

        var parameter = ParameterName().Match(exception.Message);
        return parameter.Success
            ? (parameter.Groups["name"].Value, "is missing or not valid")
            : ("request", "could not be read");
    }

    /// <summary><c>$.amount</c> → <c>amount</c>; <c>$.invoiceIds[2]</c> → <c>invoiceIds</c>; <c>$</c> or none → <c>body</c>.</summary>
    internal static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path is "$" || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return "body";
        }

        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return end > 0 ? name[..end] : name;
    }

    // Minimal APIs phrase binding failures as: Failed to bind parameter "int x" / Required parameter "T body" ...
    [GeneratedRegex("""parameter "(?:[^" ]+ )?(?<name>[^" ]+)""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParameterName();

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} answered 500 (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string exceptionType, string traceId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Concurrent changes outlasted the engine's retries on {Path}: answered 409")]
    private static partial void LogConflict(ILogger logger, PathString path);
}
