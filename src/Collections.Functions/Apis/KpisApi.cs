using System.Globalization;
using Collections.Pipeline.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Functions.Apis;

/// <summary><c>GET /api/kpis?entity=&amp;from=&amp;to=</c>: the KPIs of domain.md section 6 (default: the last 30 days, all entities).</summary>
internal static class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this RouteGroupBuilder api)
    {
        api.MapGet("/kpis", GetKpis).WithTags("KPIs").WithName("GetKpis")
            .WithSummary("Aging, lights, recovery per bucket, bad-debt rate, DSO, CEI, promise-kept rate, timeliness, agreement rate, notices per stage, stage at payment.");
        return api;
    }

    public static async Task<Results<Ok<KpiReport>, ValidationProblem>> GetKpis(
        string? entity, string? from, string? to, KpiQuery query, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var end = today;
        if (to is { Length: > 0 } && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return ApiProblems.Invalid("to", $"'{to}' is not a date (yyyy-MM-dd)");
        }

        var start = end.AddDays(-30);
        if (from is { Length: > 0 } && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return ApiProblems.Invalid("from", $"'{from}' is not a date (yyyy-MM-dd)");
        }

        if (start > end)
        {
            return ApiProblems.Invalid("from", "must not be after to");
        }

        if (end.DayNumber - start.DayNumber > 3660)
        {
            return ApiProblems.Invalid("from", "the period is limited to 10 years");
        }

        var report = await query.ComputeAsync(string.IsNullOrWhiteSpace(entity) ? null : entity.Trim(), new KpiPeriod(start, end), ct);
        return TypedResults.Ok(report);
    }
}
