using Azure.Data.Tables;

namespace Collections.Operations.Hosting;

/// <summary><c>GET /api/health</c>: liveness plus a storage round trip. Anonymous by design; it reveals no data.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", async (TableServiceClient tables, TimeProvider time, HostSettings settings, CancellationToken ct) =>
        {
            var storage = "ok";
            try
            {
                await tables.GetTableClient(StorageNames.CasesTable).QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1).FirstAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                storage = "unavailable";
            }

            var body = new
            {
                status = string.Equals(storage, "ok", StringComparison.Ordinal) ? "healthy" : "degraded",
                storage,
                mode = settings.UnderFunctionsHost ? "functions" : "standalone",
                clock = time.GetUtcNow(),
                clockSpeed = settings.ClockSpeed,
            };
            return string.Equals(storage, "ok", StringComparison.Ordinal) ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithName("Health");
}
