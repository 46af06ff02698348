using System.Globalization;
using Collections.Operations.Apis.Models;
using Collections.Operations.Apis.Requests;
using Collections.Operations.Hosting;
using Collections.Pipeline.Archive;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary>
/// The case archive (reader keys): <c>GET /api/archive/cases/{id}</c> reads one archived case, <c>GET
/// /api/archive/cases?from=&amp;to=&amp;entity=&amp;pageSize=&amp;continuationToken=</c> lists the cases archived with a
/// close date in the period, a page at a time in case id order (the index's key order, so a page reads only its own
/// rows; the token is the page's last case id, as in the case list).
/// <see cref="Purge"/> is the body of <c>POST /api/cases/purge</c>: purging archives.
/// </summary>
internal static class ArchiveApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapArchiveApi(this RouteGroupBuilder api)
    {
        var archive = api.MapGroup("/archive/cases").WithTags("Archive");
        archive.MapGet("/", ListArchivedCases).WithName("ListArchivedCases")
            .WithSummary($"Archived cases closed in the period (from/to yyyy-MM-dd, default the last 10 years; optional entity), in case id order, with continuation paging (pageSize 1-{MaxPageSize}, default {DefaultPageSize}).");
        archive.MapGet("/{instanceId}", GetArchivedCase).WithName("GetArchivedCase")
            .WithSummary("One archived case: its archive blob and line, state, timeline and deliveries as when it was live, evidence blob names.");
        return api;
    }

    public static async Task<Results<Ok<ArchivedCaseDto>, ProblemHttpResult>> GetArchivedCase(
        string instanceId, IArchiveReader archive, CancellationToken ct)
    {
        if (await archive.GetEntryAsync(instanceId, ct) is not { } entry || await archive.GetAsync(instanceId, ct) is not { } archived)
        {
            return ApiProblems.NotFound($"archived case {instanceId} not found");
        }

        var location = new ArchiveLocationDto(entry.Blob, entry.Line, entry.LineSha256, archived.RunId, archived.ArchivedAt, archived.Evidence);

        // Shown as of its close: an archived case is closed, so its balances no longer move.
        var asOf = archived.State.ClosedAt ?? archived.State.LastUpdatedAt;
        return TypedResults.Ok(new ArchivedCaseDto(location, CaseViews.Detail(archived.State, asOf, archived.Timeline, archived.Outbox, evidence: null)));
    }

    public static async Task<Results<Ok<ArchivePageDto>, ValidationProblem>> ListArchivedCases(
        string? from, string? to, string? entity, string? pageSize, string? continuationToken, IArchiveReader archive, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (!ApiPeriod.TryParse(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), defaultDays: 3650, out var period, out var error))
        {
            return ApiProblems.Invalid(error.Field, error.Message);
        }

        var size = DefaultPageSize;
        if (pageSize is { Length: > 0 } && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            return ApiProblems.Invalid("pageSize", $"must be a whole number from 1 to {MaxPageSize}");
        }

        string? after = null;
        if (continuationToken is { Length: > 0 } && (after = CaseListCriteria.DecodeToken(continuationToken)) is null)
        {
            return ApiProblems.Invalid("continuationToken", "is not a token this API returned");
        }

        var query = new ArchiveQuery
        {
            Entity = string.IsNullOrWhiteSpace(entity) ? null : entity.Trim(),
            ClosedFrom = Start(period.From),
            ClosedBefore = Start(period.To.AddDays(1)),
            AfterCaseId = after,
            RowsPerRequest = size + 1,
        };

        // The index answers in case id order: one row past the page tells whether another follows, and leaving the
        // loop stops the query there.
        var page = new List<ArchiveEntryDto>();
        await foreach (var e in archive.ListAsync(query, ct))
        {
            page.Add(new ArchiveEntryDto(e.CaseId, e.Entity, e.CustomerId, e.Stage, e.Status, e.CloseReason, e.CreatedAt, e.ClosedAt, e.Blob, e.Line, e.ArchivedAt));
            if (page.Count > size)
            {
                break;
            }
        }

        string? token = null;
        if (page.Count > size)
        {
            page.RemoveAt(page.Count - 1);
            token = CaseListCriteria.EncodeToken(page[^1].InstanceId);
            http.Response.Headers["x-ms-continuation-token"] = token;
        }

        return TypedResults.Ok(new ArchivePageDto(period.From, period.To, page, token));
    }

    /// <summary>
    /// <c>POST /api/cases/purge</c>: archives closed cases that closed more than <c>olderThanDays</c> days ago (default:
    /// the policy's retention; never fewer days than it), removing their live rows through <paramref name="removeLive"/>
    /// (the Durable instance purge; null: the projection rows only). Answers the archiver's own
    /// <see cref="ArchiveRunResult"/>: its property names are the API's JSON names, so no DTO repeats it.
    /// </summary>
    public static async Task<Results<Ok<ArchiveRunResult>, ValidationProblem>> Purge(
        PurgeRequest? body, CaseArchiver archiver, Func<string, CancellationToken, Task>? removeLive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(archiver);
        if (body?.OlderThanDays is < 1 or > 36500)
        {
            return ApiProblems.Invalid("olderThanDays", "must be a whole number of days from 1 to 36500 (omit it for the policy's retention)");
        }

        if (!archiver.TryCutoff(body?.OlderThanDays, out var cutoff, out var problem))
        {
            return ApiProblems.Invalid("olderThanDays", problem!);
        }

        return TypedResults.Ok(await archiver.ArchiveAsync(cutoff, removeLive, ct));
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
