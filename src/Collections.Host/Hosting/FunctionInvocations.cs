using System.Net;
using System.Text.Json;
using Collections.Pipeline.Cases;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// The custom-handler endpoints the Functions host invokes for non-HTTP functions
/// (<c>POST /&lt;FunctionName&gt;</c>). They answer <c>{ Outputs, Logs, ReturnValue }</c>; a failure answers
/// 500 so the host's retry and poison handling apply. Mapped only under the Functions host, and only for
/// loopback callers (the host runs on the same machine).
/// </summary>
internal static class FunctionInvocations
{
    public const string LedgerIngest = "LedgerIngest";

    public static void MapFunctionInvocations(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<HostSettings>().UnderFunctionsHost)
        {
            return;
        }

        // The blob arrives base64-encoded in Data, but the processor reads it from storage itself (streaming, leased),
        // so only the path token matters; whole files never travel through the invocation.
        Map(app, LedgerIngest, async (sp, req, ct) =>
        {
            var name = req.Metadata("name") ?? throw new FormatException("the invocation carries no blob name in Metadata.name");
            var record = await sp.GetRequiredService<Collections.Pipeline.Ingest.Apply.LedgerIngestProcessor>().ProcessAsync(name, ct);
            return record is null ? $"{name}: already processed or leased elsewhere" : $"{name}: {record.Status}";
        });
    }

    internal static void Map(WebApplication app, string name, Func<IServiceProvider, InvocationRequest, CancellationToken, Task<string?>> handler) =>
        app.MapPost("/" + name, async (HttpContext http, CancellationToken ct) =>
        {
            if (http.Connection.RemoteIpAddress is { } ip && !IPAddress.IsLoopback(ip))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            InvocationRequest request;
            try
            {
                request = InvocationRequest.Parse(await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: ct));
            }
            catch (JsonException)
            {
                return Results.Json(Response(["invocation body is not JSON"]), ResponseJson, statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                var log = await handler(http.RequestServices, request, ct);
                return Results.Json(Response(log is null ? [] : [log]), ResponseJson);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Type and message only: messages in this code base never carry debtor data.
                return Results.Json(Response([$"{name} failed: {ex.GetType().Name}: {ex.Message}"]), ResponseJson, statusCode: StatusCodes.Status500InternalServerError);
            }
        }).AllowAnonymous().ExcludeFromDescription().WithName("Invoke" + name);

    internal static void Map(WebApplication app, string name, Func<IServiceProvider, InvocationRequest, CancellationToken, Task> handler) =>
        Map(app, name, async (sp, req, ct) =>
        {
            await handler(sp, req, ct);
            return (string?)null;
        });

    // The documented response shape is PascalCase (Outputs, Logs, ReturnValue): no naming policy.
    private static readonly JsonSerializerOptions ResponseJson = new() { PropertyNamingPolicy = null };

    private static object Response(IReadOnlyList<string> logs) => new { Outputs = new Dictionary<string, object>(StringComparer.Ordinal), Logs = logs, ReturnValue = (object?)null };

}
