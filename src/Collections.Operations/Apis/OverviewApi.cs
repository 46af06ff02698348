using Collections.Domain.Cases;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary><c>GET /api/overview</c>: what the dashboard's first page shows, in one call.</summary>
internal static class OverviewApi
{
    private const int MaxRows = 50;

    public static RouteGroupBuilder MapOverviewApi(this RouteGroupBuilder api)
    {
        api.MapGet("/overview", GetOverview).WithTags("Overview").WithName("GetOverview")
            .WithSummary("Cases by stage and status, traffic lights, aging per currency, steps due in 7 days, failed cases, recent ledger files.");
        return api;
    }

    public static async Task<Ok<OverviewDto>> GetOverview(string? entity, ICaseStore store, ILedgerFileStore files, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var filter = new CaseListFilter { Entity = string.IsNullOrWhiteSpace(entity) ? null : entity.Trim() };
        var all = new List<CaseState>();
        await foreach (var stored in store.ListAsync(filter, ct))
        {
            all.Add(stored.State);
        }

        var byStage = all.CountBy(s => s.Stage).ToDictionary();
        var byStatus = all.CountBy(s => s.Status).ToDictionary();
        var open = all.Where(s => !s.IsClosed).ToList();
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        var data = open.Select(s => new KpiCaseData(s, [], [])).ToList();
        var (recent, _) = await files.ListAsync(10, null, ct);
        return TypedResults.Ok(new OverviewDto
        {
            GeneratedAt = now,
            ByStage = [.. Enum.GetValues<CaseStage>().Select(st => new CountDto(st.ToString(), byStage.GetValueOrDefault(st)))],
            ByStatus = [.. Enum.GetValues<RuntimeStatus>().Select(rs => new CountDto(rs.ToString(), byStatus.GetValueOrDefault(rs)))],
            Lights = KpiCalculator.Lights(data, asOf),
            Aging = KpiCalculator.Aging(data, asOf),
            DueNext7Days = [.. open.Where(s => s.Next is { } n && n.At <= now.AddDays(7)).OrderBy(s => s.Next!.At).Take(MaxRows).Select(s => CaseViews.Summary(s, now))],
            Failed = [.. open.Where(s => s.Status == RuntimeStatus.Failed).OrderBy(s => s.LastUpdatedAt).Take(MaxRows).Select(s => CaseViews.Summary(s, now))],
            RecentFiles = [.. recent.Select(LedgerFilesApi.ToDto)],
        });
    }
}
