using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask.Client;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Operator actions on case instances through the Durable Task SDK's client, checked first with the domain on
/// the case's projection so that an invalid action answers at once with the machine's reason (the orchestration
/// decides again when the signal arrives). Built per call with the client the host provides (the local runtime's
/// singleton, or the Functions host's per-invocation client).
/// </summary>
public sealed class CaseInstances
{
    /// <summary>How long a terminate waits for the instance to stop before the projection records it.</summary>
    public static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(15);

    private readonly DurableTaskClient _client;
    private readonly ICaseProjectionStore _projections;
    private readonly PolicyCatalog _policies;
    private readonly TimeProvider _time;

    /// <summary>Creates the actions over a client and the projection store.</summary>
    public CaseInstances(DurableTaskClient client, ICaseProjectionStore projections, PolicyCatalog policies, TimeProvider time)
    {
        _client = client;
        _projections = projections;
        _policies = policies;
        _time = time;
    }

    /// <summary>
    /// Raises an operator's event: rejected with the machine's reason when invalid, acknowledged without a signal
    /// when it changes nothing, otherwise raised as a <see cref="CaseTasks.SignalEvent"/> on the running instance.
    /// The result's state is the one the domain predicts from the projection.
    /// </summary>
    public async Task<CaseCommandResult> RaiseAsync(string caseId, CaseEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (await _projections.GetAsync(caseId, cancellationToken) is not { } state)
        {
            return NotFound(caseId);
        }

        var transition = CaseMachine.Apply(state, evt, _time.GetUtcNow(), _policies.Current);
        if (!transition.Accepted)
        {
            return new CaseCommandResult(state, transition.Rejection);
        }

        if (transition.NoChange is not null)
        {
            return new CaseCommandResult(state, null) { NoChange = transition.NoChange };
        }

        if (await _client.GetInstanceAsync(caseId, cancellationToken) is not { } instance)
        {
            return NotFound(caseId);
        }

        if (instance.IsCompleted)
        {
            // The framework drops events raised on a completed instance: say so instead of losing the action.
            return new CaseCommandResult(state, $"the case's orchestration is {instance.RuntimeStatus}; it takes no more actions");
        }

        await _client.RaiseEventAsync(caseId, CaseTasks.SignalEvent, CaseSignal.From(evt), cancellationToken);
        return new CaseCommandResult(transition.State, null);
    }

    /// <summary>
    /// Retries a failed case. A case the domain marked Failed (an activity failed after its retries) still has a
    /// running instance waiting for signals: it gets a <see cref="RetryRequested"/> signal, which clears the failure
    /// and sends the waiting notices again (each at most once, by its idempotency key). An instance that itself
    /// failed (the orchestrator threw) is restarted by the SDK with its current generation's input, under the same id.
    /// </summary>
    public async Task<CaseCommandResult> RetryAsync(string caseId, string? actor, CancellationToken cancellationToken)
    {
        var instance = await _client.GetInstanceAsync(caseId, cancellationToken);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Failed })
        {
            await _client.RestartAsync(caseId, restartWithNewInstanceId: false, cancellationToken);
            var state = await _projections.GetAsync(caseId, cancellationToken);
            return state is null ? new CaseCommandResult(null, $"case {caseId} not found", NotFound: true) : new CaseCommandResult(state, null);
        }

        return await RaiseAsync(caseId, new RetryRequested { Actor = actor }, cancellationToken);
    }

    /// <summary>
    /// Terminates the case's instance through the SDK (the task hub shows it Terminated), waits briefly for it to
    /// stop, then records the termination in the projection with the domain's transition and timeline row.
    /// </summary>
    public async Task<CaseCommandResult> TerminateAsync(string caseId, TerminateRequested evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var (state, instance, refusal) = await LoadAsync(caseId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var check = CaseMachine.Apply(state!, evt, _time.GetUtcNow(), _policies.Current);
        if (!check.Accepted || check.NoChange is not null)
        {
            return check.Accepted ? new CaseCommandResult(state, null) { NoChange = check.NoChange } : new CaseCommandResult(state, check.Rejection);
        }

        if (!instance!.IsCompleted)
        {
            await _client.TerminateInstanceAsync(caseId, evt.Reason, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TerminateWait);
            try
            {
                await _client.WaitForInstanceCompletionAsync(caseId, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still stopping: the projection records the termination now; the instance follows.
            }
        }

        // Decide on the projection as the instance left it: a signal it processed before stopping is kept.
        var latest = await _projections.GetAsync(caseId, cancellationToken) ?? state!;
        var transition = CaseMachine.Apply(latest, evt, _time.GetUtcNow(), _policies.Current);
        if (!transition.Accepted || transition.NoChange is not null)
        {
            return new CaseCommandResult(latest, transition.Rejection) { NoChange = transition.NoChange };
        }

        var seq = (await _projections.GetTimelineAsync(caseId, cancellationToken)).Count;
        await _projections.SaveAsync(transition.State, seq, [.. transition.Timeline], [], cancellationToken);
        return new CaseCommandResult(transition.State, null);
    }

    /// <summary>
    /// Purges a closed case: the instance's history from the task hub and the case's projection rows. A running
    /// instance is not purged (terminate it first).
    /// </summary>
    public async Task<CasePurgeOutcome> PurgeCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var instance = await _client.GetInstanceAsync(caseId, cancellationToken);
        var state = await _projections.GetAsync(caseId, cancellationToken);
        if (instance is null && state is null)
        {
            return CasePurgeOutcome.NotFound;
        }

        if (instance is { IsCompleted: false })
        {
            return CasePurgeOutcome.StillRunning;
        }

        if (instance is not null)
        {
            await _client.PurgeInstanceAsync(caseId, cancellation: cancellationToken);
        }

        await _projections.DeleteAsync(caseId, cancellationToken);
        return CasePurgeOutcome.Purged;
    }

    private async Task<(CaseState? State, OrchestrationMetadata? Instance, CaseCommandResult? Refusal)> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        var state = await _projections.GetAsync(caseId, cancellationToken);
        var instance = state is null ? null : await _client.GetInstanceAsync(caseId, cancellationToken);
        return state is null || instance is null ? (state, instance, NotFound(caseId)) : (state, instance, null);
    }

    /// <summary>No projection yet (an instance that has not saved its opening) or no instance (purged): nothing to act on.</summary>
    private static CaseCommandResult NotFound(string caseId) => new(null, $"case {caseId} not found", NotFound: true);
}
