using Collections.Pipeline.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

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
        if (!ApiPeriod.TryParse(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), defaultDays: 30, out var period, out var error))
        {
            return ApiProblems.Invalid(error.Field, error.Message);
        }

        var report = await query.ComputeAsync(string.IsNullOrWhiteSpace(entity) ? null : entity.Trim(), new KpiPeriod(period.From, period.To), ct);
        return TypedResults.Ok(report);
    }
}
