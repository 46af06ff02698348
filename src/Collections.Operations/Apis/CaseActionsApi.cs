using System.Security.Claims;
using Collections.Domain.Cases.Events;
using Collections.Domain.Monetary;
using Collections.Operations.Apis.Models;
using Collections.Operations.Apis.Requests;
using Collections.Pipeline.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary>
/// Instance management (operator keys only): raise an event (<c>POST /api/cases/{id}/raiseEvent/{event}</c>),
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
        cases.MapPost("/purge", Purge).WithName("PurgeCases").WithSummary("Delete completed and terminated cases closed more than olderThanDays days ago.");
        return api;
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Promise(
        string instanceId, PromiseRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
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

        return await RaiseAsync(engine, instanceId, "promise", new PromiseMade(date, new Money(amount, currency.Value)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Dispute(
        string instanceId, DisputeRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (InvoiceIds(body?.InvoiceIds) is not { } ids)
        {
            return ApiProblems.Invalid("invoiceIds", "is required: one or more invoice ids of the case");
        }

        if (Text(body!.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        return await RaiseAsync(engine, instanceId, "dispute", new DisputeRaised(ids, reason) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> ResolveDispute(
        string instanceId, ResolveDisputeRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (InvoiceIds(body?.InvoiceIds) is not { } ids)
        {
            return ApiProblems.Invalid("invoiceIds", "is required: one or more disputed invoice ids");
        }

        if (body!.Resolution is { Length: > MaxText })
        {
            return ApiProblems.Invalid("resolution", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(engine, instanceId, "resolveDispute", new DisputeSettled(ids, Text(body.Resolution)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Pause(
        string instanceId, PauseRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Text(body?.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        if (body!.Until is { } until && until <= time.GetUtcNow())
        {
            return ApiProblems.Invalid("until", "must be in the future");
        }

        return await RaiseAsync(engine, instanceId, "pause", new PauseRequested(reason, body.Until) { Actor = Actor(user) }, time, ct);
    }

    public static Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Resume(
        string instanceId, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        RaiseAsync(engine, instanceId, "resume", new ResumeRequested { Actor = Actor(user) }, time, ct);

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> EscalateNow(
        string instanceId, ReasonRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.Reason is { Length: > MaxText })
        {
            return ApiProblems.Invalid("reason", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(engine, instanceId, "escalateNow", new EscalateNowRequested(Text(body?.Reason)) { Actor = Actor(user) }, time, ct);
    }

    public static Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Approve(
        string instanceId, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        RaiseAsync(engine, instanceId, "approve", new EscalationApproved { Actor = Actor(user) }, time, ct);

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Reject(
        string instanceId, ReasonRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.Reason is { Length: > MaxText })
        {
            return ApiProblems.Invalid("reason", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(engine, instanceId, "reject", new EscalationRejected(Text(body?.Reason)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> WriteOff(
        string instanceId, ReasonRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Text(body?.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        return await RaiseAsync(engine, instanceId, "writeOff", new WriteOffRequested(reason) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> DoNotContact(
        string instanceId, DoNotContactRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.On is not { } on)
        {
            return ApiProblems.Invalid("on", "is required: true or false");
        }

        if (body.Reason is { Length: > MaxText })
        {
            return ApiProblems.Invalid("reason", $"is longer than {MaxText} characters");
        }

        return await RaiseAsync(engine, instanceId, "doNotContact", new DoNotContactChanged(on, Text(body.Reason)) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Terminate(
        string instanceId, ReasonRequest? body, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Text(body?.Reason) is not { } reason)
        {
            return ApiProblems.Invalid("reason", $"is required (at most {MaxText} characters)");
        }

        return await RaiseAsync(engine, instanceId, "terminate", new TerminateRequested(reason) { Actor = Actor(user) }, time, ct);
    }

    public static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> Retry(
        string instanceId, CaseEngine engine, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult("retry", await engine.RetryAsync(instanceId, Actor(user), ct), time);

    public static async Task<Results<Ok<PurgeResultDto>, ValidationProblem>> Purge(PurgeRequest? body, CaseEngine engine, CancellationToken ct)
    {
        if (body?.OlderThanDays is not { } days || days is < 1 or > 36500)
        {
            return ApiProblems.Invalid("olderThanDays", "is required: a whole number of days from 1 to 36500");
        }

        var deleted = await engine.PurgeAsync(TimeSpan.FromDays(days), ct);
        return TypedResults.Ok(new PurgeResultDto(deleted, days));
    }

    private static async Task<Results<Ok<ActionResultDto>, ValidationProblem, ProblemHttpResult>> RaiseAsync(
        CaseEngine engine, string instanceId, string action, CaseEvent evt, TimeProvider time, CancellationToken ct)
    {
        try
        {
            return ToResult(action, await engine.RaiseAsync(instanceId, evt, ct), time);
        }
        catch (CaseConcurrencyException)
        {
            // The engine decides again on every conflict; only a storm of different actions outlasts its retries.
            return ApiProblems.Conflict(ApiProblems.ConcurrentChange);
        }
    }

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
