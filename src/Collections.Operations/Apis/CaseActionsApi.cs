using System.Security.Claims;
using Collections.Domain.Cases.Events;
using Collections.Domain.Monetary;
using Collections.Operations.Apis.Models;
using Collections.Operations.Apis.Requests;
using Collections.Domain.Cases;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary>
/// Instance management (operator keys only) through the Durable Task SDK: raise an event
/// (<c>POST /api/cases/{id}/raiseEvent/{event}</c>, checked first with the state machine on the case's projection),
/// terminate, retry, purge. 400 names the bad field, 404 an unknown case, 409 carries the state machine's reason.
/// </summary>
internal static class CaseActionsApi
{
    private const int MaxText = 2000;

    public static RouteGroupBuilder MapCaseActionsApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Case actions").RequireAuthorization(ApiRoles.ActPolicy);
        var raise = cases.MapGroup("/{instanceId}/raiseEvent");
        raise.MapPost("/promise", Promise).WithName("RaisePromise").WithSummary("Record a promise to pay (date within 30 days, amount, currency).");
        raise.MapPost("/dispute", Dispute).WithName("RaiseDispute").WithSummary("Dispute invoices; they leave the overdue balance.");
        raise.MapPost("/resolveDispute", ResolveDispute).WithName("RaiseResolveDispute").WithSummary("Resolve a dispute; the invoices count again.");
        raise.MapPost("/pause", Pause).WithName("RaisePause").WithSummary("Pause the case (reason, optional until).");
        raise.MapPost("/resume", Resume).WithName("RaiseResume").WithSummary("Resume a paused case.");
        raise.MapPost("/escalateNow", EscalateNow).WithName("RaiseEscalateNow").WithSummary("Escalate at the next compliant instant.");
        raise.MapPost("/approve", Approve).WithName("RaiseApprove").WithSummary("Approve a pending escalation (grade A).");
        raise.MapPost("/reject", Reject).WithName("RaiseReject").WithSummary("Reject a pending escalation.");
        raise.MapPost("/writeOff", WriteOff).WithName("RaiseWriteOff").WithSummary("Write the debt off; the case completes.");
        raise.MapPost("/doNotContact", DoNotContact).WithName("RaiseDoNotContact").WithSummary("Switch do-not-contact on or off.");
        cases.MapPost("/{instanceId}/terminate", Terminate).WithName("TerminateCase").WithSummary("Terminate the case.");
        cases.MapPost("/{instanceId}/retry", Retry).WithName("RetryCase").WithSummary("Retry a failed case.");
        cases.MapPost("/purge", Purge).WithName("PurgeCases").WithSummary("Archive completed and terminated cases closed longer ago than the retention (or olderThanDays, never shorter), then remove them from the live store.");
        return api;
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Promise(
        string instanceId, PromiseRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.PromisedDate is not { } date)
        {
            return ApiProblems.Invalid("promisedDate", "is required (yyyy-MM-dd)");
        }

        if (body.Amount is not { } amount || amount <= 0m)
        {
            return ApiProblems.Invalid("amount", "is required and must be positive");
        }

        if (!Currency.TryParse(body.Currency, out var currency))
        {
            return ApiProblems.Invalid("currency", "is required: a known ISO 4217 code");
        }

        if (decimal.Round(amount, currency.Value.MinorUnits) != amount)
        {
            return ApiProblems.Invalid("amount", $"has more than {currency.Value.MinorUnits} decimals for {currency.Value.Code}");
        }

        return await RaiseAsync(cases.For(client), instanceId, "promise", new PromiseMade(date, new Money(amount, currency.Value)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Dispute(
        string instanceId, DisputeRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (InvoiceIds(body?.InvoiceIds) is not { } ids)
        {
            return ApiProblems.Invalid("invoiceIds", "is required: one or more invoice ids of the case");
        }

        if (Text(body!.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        return await RaiseAsync(cases.For(client), instanceId, "dispute", new DisputeRaised(ids, reason) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> ResolveDispute(
        string instanceId, ResolveDisputeRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (InvoiceIds(body?.InvoiceIds) is not { } ids)
        {
            return ApiProblems.Invalid("invoiceIds", "is required: one or more disputed invoice ids");
        }

        if (body!.Resolution is { Length: > MaxText })
        {
            return ApiProblems.Invalid("resolution", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(cases.For(client), instanceId, "resolveDispute", new DisputeSettled(ids, Text(body.Resolution)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Pause(
        string instanceId, PauseRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Text(body?.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        if (body!.Until is { } until && until <= time.GetUtcNow())
        {
            return ApiProblems.Invalid("until", "must be in the future");
        }

        return await RaiseAsync(cases.For(client), instanceId, "pause", new PauseRequested(reason, body.Until) { Actor = Actor(user) }, time, ct);
    }

    public static Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Resume(
        string instanceId, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        RaiseAsync(cases.For(client), instanceId, "resume", new ResumeRequested { Actor = Actor(user) }, time, ct);

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> EscalateNow(
        string instanceId, ReasonRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.Reason is { Length: > MaxText })
        {
            return ApiProblems.Invalid("reason", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(cases.For(client), instanceId, "escalateNow", new EscalateNowRequested(Text(body?.Reason)) { Actor = Actor(user) }, time, ct);
    }

    public static Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Approve(
        string instanceId, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        RaiseAsync(cases.For(client), instanceId, "approve", new EscalationApproved { Actor = Actor(user) }, time, ct);

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Reject(
        string instanceId, ReasonRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.Reason is { Length: > MaxText })
        {
            return ApiProblems.Invalid("reason", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(cases.For(client), instanceId, "reject", new EscalationRejected(Text(body?.Reason)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> WriteOff(
        string instanceId, ReasonRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Text(body?.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        return await RaiseAsync(cases.For(client), instanceId, "writeOff", new WriteOffRequested(reason) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> DoNotContact(
        string instanceId, DoNotContactRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.On is not { } on)
        {
            return ApiProblems.Invalid("on", "is required: true or false");
        }

        if (body.Reason is { Length: > MaxText })
        {
            return ApiProblems.Invalid("reason", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(cases.For(client), instanceId, "doNotContact", new DoNotContactChanged(on, Text(body.Reason)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Terminate(
        string instanceId, ReasonRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Text(body?.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        return ToResult("terminate", await cases.For(client).TerminateAsync(instanceId, new TerminateRequested(reason) { Actor = Actor(user) }, ct), time);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Retry(
        string instanceId, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult("retry", await cases.For(client).RetryAsync(instanceId, Actor(user), ct), time);

    /// <summary>
    /// Moves closed cases past the retention period to the immutable archive (<see cref="ArchiveApi.Purge"/>); only
    /// an archived case leaves the live store, each through <see cref="CaseInstances.PurgeCaseAsync"/> (instance
    /// history and projection rows).
    /// </summary>
    public static Task<Results<Ok<ArchiveRunResult>, ValidationProblem>> Purge(
        PurgeRequest? body, [FromServices] DurableTaskClient client, CaseInstancesFactory cases, CaseArchiver archiver, CancellationToken ct)
    {
        var instances = cases.For(client);
        return ArchiveApi.Purge(body, archiver, async (id, token) => await instances.PurgeCaseAsync(id, token), ct);
    }

    private static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> RaiseAsync(
        CaseInstances cases, string instanceId, string action, CaseEvent evt, TimeProvider time, CancellationToken ct) =>
        ToResult(action, await cases.RaiseAsync(instanceId, evt, ct), time);

    private static Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult> ToResult(string action, CaseCommandResult result, TimeProvider time) =>
        result.NotFound ? ApiProblems.NotFound(result.Rejection ?? "case not found")
        : !result.Accepted ? ApiProblems.Conflict(result.Rejection ?? "the case rejected the action")
        : TypedResults.Ok(new ActionResultDto(action, CaseViews.Summary(result.State!, time.GetUtcNow()), result.NoChange is null, result.NoChange));

    /// <summary>The actor recorded on the timeline: the key's role and fingerprint, never the key.</summary>
    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? ApiRoles.Operator;

    private static string? Text(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxText ? null : value.Trim();

    private static List<string>? InvoiceIds(IReadOnlyList<string>? ids)
    {
        if (ids is null || ids.Count == 0 || ids.Count > 500 || ids.Any(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        return [.. ids.Select(i => i.Trim()).Distinct(StringComparer.Ordinal)];
    }
}
