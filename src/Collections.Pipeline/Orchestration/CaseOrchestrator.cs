using Microsoft.DurableTask;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// One dunning case as a Durable Task orchestration (instance id = case id). The pure domain decides
/// (<see cref="Domain.Cases.CaseMachine"/>); the orchestration waits for whichever comes first, the durable
/// timer of the next step or a signal, and acts through activities. Long-lived cases start a fresh
/// generation with <c>ContinueAsNew</c> so their history stays short.
/// </summary>
public sealed class CaseOrchestrator : TaskOrchestrator<CaseInput, CaseOutcome?>
{
    /// <summary>Transitions after which the case continues as a new generation.</summary>
    public const int TransitionsPerGeneration = 25;

    private readonly PolicyCatalog _policies;

    /// <summary>Creates the orchestrator over the known policies.</summary>
    public CaseOrchestrator(PolicyCatalog policies) => _policies = policies;

    /// <inheritdoc />
    public override async Task<CaseOutcome?> RunAsync(TaskOrchestrationContext context, CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var run = new CaseRun(context, input, _policies.Resolve(input.PolicyVersion));
        if (!await run.OpenAsync())
        {
            return new CaseOutcome(input.CaseId, "NotOpened", "", run.LastRejection);
        }

        // One waiter for signals lives across iterations: a waiter abandoned when a timer wins would swallow the next signal.
        Task<CaseSignal>? signal = null;
        var transitions = 0;
        // A closed case still sends the notices waiting for their instant (a receipt deferred to the send window).
        while (!run.State.IsClosed || run.HasPending)
        {
            if (signal is null && transitions >= TransitionsPerGeneration && run.CanContinueAsNew)
            {
                // Never while a signal delivered to this episode waits in the SDK's buffer: those can be lost across
                // ContinueAsNew (microsoft/durabletask-dotnet#387; seen here as a burst of operator actions whose last
                // one never applied). A waiter completes at once from that buffer, so the buffer is drained first;
                // signals that arrive after ContinueAsNew are carried over by the framework itself.
                signal = context.WaitForExternalEvent<CaseSignal>(CaseTasks.SignalEvent);
                if (!signal.IsCompleted)
                {
                    context.ContinueAsNew(run.NextGeneration(_policies.CurrentVersion), preserveUnprocessedEvents: true);
                    return null;
                }
            }

            run.PublishStatus();
            signal ??= context.WaitForExternalEvent<CaseSignal>(CaseTasks.SignalEvent);
            if (run.WakeAt is { } at)
            {
                using var cancelTimer = new CancellationTokenSource();
                var timer = context.CreateTimer(at.UtcDateTime, cancelTimer.Token);
                if (await Task.WhenAny(signal, timer) == timer)
                {
                    await run.WakeAsync();
                    transitions++;
                    continue;
                }

                // Cancel, not CancelAsync: an orchestrator must not continue on another thread.
#pragma warning disable CA1849, MA0042
                cancelTimer.Cancel();
#pragma warning restore CA1849, MA0042
            }

            var received = await signal;
            signal = null;
            await run.SignalAsync(received);
            transitions++;
        }

        run.PublishStatus();
        return run.Outcome();
    }
}
