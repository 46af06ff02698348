using Azure;
using Collections.Domain.Cases;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary>Reading cases: list with filters and continuation paging, detail, evidence pack.</summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("", ListCases).WithName("ListCases").WithSummary("Cases with filters and continuation paging (Durable instance-status vocabulary).");
        cases.MapGet("/{instanceId}", GetCase).WithName("GetCase").WithSummary("One case: state, balances, items with provenance, timeline, deliveries, next timer, evidence link.");
        cases.MapGet("/{instanceId}/evidence", GetEvidence).WithName("GetEvidence").WithSummary("Streams the case's latest evidence pack (format=html or json).");
        return api;
    }

    public static async Task<Results<Ok<CasePageDto>, ValidationProblem>> ListCases(
        [AsParameters] CaseListQuery query, ICaseStore store, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (!CaseListCriteria.TryParse(query, out var criteria, out var error))
        {
            return ApiProblems.Invalid(error.Field, error.Message);
        }

        var now = time.GetUtcNow();
        var matches = new List<CaseState>();
        await foreach (var stored in store.ListAsync(criteria.StoreFilter, ct))
        {
            var state = stored.State;
            if ((criteria.After is null || string.CompareOrdinal(state.CaseId, criteria.After) > 0) && criteria.Matches(state, now))
            {
                matches.Add(state);
            }
        }

        // Summaries (time zone, balances) only for the page, plus the one that tells whether another page follows.
        var page = matches.OrderBy(s => s.CaseId, StringComparer.Ordinal).Take(criteria.PageSize + 1).Select(s => CaseViews.Summary(s, now)).ToList();
        string? token = null;
        if (page.Count > criteria.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            token = CaseListCriteria.EncodeToken(page[^1].InstanceId);
            http.Response.Headers["x-ms-continuation-token"] = token;
        }

        return TypedResults.Ok(new CasePageDto(page, token));
    }

    public static async Task<Results<Ok<CaseDetailDto>, ProblemHttpResult>> GetCase(
        string instanceId, ICaseStore store, EvidenceLocator evidence, TimeProvider time, CancellationToken ct)
    {
        if (await store.GetAsync(instanceId, ct) is not { } stored)
        {
            return ApiProblems.NotFound($"case {instanceId} not found");
        }

        var state = stored.State;
        var timeline = store.GetTimelineAsync(instanceId, ct);
        var outbox = store.GetOutboxAsync(instanceId, ct);
        var evidencePack = evidence.LatestAsync(state.Account.Entity, state.Account.CustomerId, state.CaseId, ct);
        await Task.WhenAll(timeline, outbox, evidencePack);
        var pack = await evidencePack;
        var link = pack is null ? null : EvidenceLocator.Link(state.CaseId, pack);
        return TypedResults.Ok(CaseViews.Detail(state, time.GetUtcNow(), await timeline, await outbox, link));
    }

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetEvidence(
        string instanceId, string? format, ICaseStore store, EvidenceLocator evidence, HttpContext http, CancellationToken ct)
    {
        var html = format is null || string.Equals(format, "html", StringComparison.OrdinalIgnoreCase);
        if (!html && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Invalid("format", $"'{format}' is not html or json");
        }

        if (await store.GetAsync(instanceId, ct) is not { } stored)
        {
            return ApiProblems.NotFound($"case {instanceId} not found");
        }

        var state = stored.State;
        if (await evidence.LatestAsync(state.Account.Entity, state.Account.CustomerId, state.CaseId, ct) is not { } prefix)
        {
            return ApiProblems.NotFound($"case {instanceId} has no evidence pack (one is written when the case is escalated)");
        }

        try
        {
            var blob = evidence.Container.GetBlobClient(prefix + (html ? ".html" : ".json"));
            var download = await blob.DownloadStreamingAsync(cancellationToken: ct);
            http.Response.RegisterForDispose(download.Value);

            // The pack is escaped when built; the sandbox keeps it inert even if opened directly.
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'";
            var name = state.CaseId + (html ? ".evidence.html" : ".evidence.json");
            return TypedResults.Stream(download.Value.Content, html ? "text/html; charset=utf-8" : "application/json; charset=utf-8", name);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return ApiProblems.NotFound($"the evidence pack of case {instanceId} is incomplete");
        }
    }
}
