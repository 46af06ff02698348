using Collections.Domain.Policy;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Clock;
using Collections.Pipeline.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Pipeline.Simulation;

/// <summary>
/// Runs the production engine and dispatcher (the same <see cref="CaseEngine"/>, <see cref="OutboxDispatcher"/>
/// and <see cref="CaseMessageHandler"/> classes) over in-memory stores and queues on a virtual clock. Ledgers
/// apply at their as-of date 00:00 UTC; scripted events, timers and outbox messages are delivered in time
/// order (at one instant: ledgers, then scripted events, then timers, then notices). E-mails are rendered
/// but not sent; the result keeps each one for the preview.
/// </summary>
public sealed class SimulationRunner
{
    private readonly DunningPolicy _policy;
    private readonly INoticeRenderer _renderer;

    /// <summary>Creates a runner for a policy and the notice renderer.</summary>
    public SimulationRunner(DunningPolicy policy, INoticeRenderer renderer)
    {
        _policy = policy;
        _renderer = renderer;
    }

    /// <summary>Simulates from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<SimulationResult> RunAsync(
        IReadOnlyList<SimulationLedger> ledgers,
        IReadOnlyList<ScriptedEvent> events,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var clock = new ManualTimeProvider(from);
        var cases = new InMemoryCaseStore();
        var accounts = new InMemoryAccountStore();
        var timers = new InMemoryScheduledQueue("dunning-timers");
        var outbox = new InMemoryScheduledQueue("notices-outbox");
        var options = new EngineOptions { DashboardBaseUrl = new Uri("http://localhost:7071/") };
        var engine = new CaseEngine(cases, accounts, timers, outbox, _policy, clock, options, NullLogger<CaseEngine>.Instance);
        var sender = new SimulatedEmailSender();
        var dispatcher = new OutboxDispatcher(cases, engine, _renderer, sender, new InMemoryEvidenceStore(), outbox, clock, options, NullLogger<OutboxDispatcher>.Instance);
        var handler = new CaseMessageHandler(engine, dispatcher, options);
        var warnings = new List<string>();

        var pendingLedgers = new Queue<SimulationLedger>(ledgers.OrderBy(l => l.AsOf));
        var pendingEvents = new Queue<ScriptedEvent>(events.OrderBy(e => e.At));
        for (var steps = 0; steps < 1_000_000; steps++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ledgerAt = pendingLedgers.Count > 0 ? (DateTimeOffset?)SnapshotSource.EffectiveAtOf(pendingLedgers.Peek().AsOf) : null;
            var eventAt = pendingEvents.Count > 0 ? (DateTimeOffset?)pendingEvents.Peek().At : null;
            var next = new[] { ledgerAt, eventAt, timers.NextDue, outbox.NextDue }.Where(t => t is not null).Min();
            if (next is null || next > to)
            {
                break;
            }

            clock.MoveTo(next.Value);
            var now = clock.GetUtcNow();
            if (ledgerAt <= now)
            {
                await ApplyLedgerAsync(engine, pendingLedgers.Dequeue(), cancellationToken);
            }
            else if (eventAt <= now)
            {
                await RaiseAsync(engine, accounts, pendingEvents.Dequeue(), warnings, cancellationToken);
            }
            else if (timers.TryTakeDue(now, out var timer))
            {
                await handler.HandleTimerAsync(timer, 1, cancellationToken);
            }
            else if (outbox.TryTakeDue(now, out var notice))
            {
                await handler.HandleOutboxAsync(notice, 1, cancellationToken);
            }
        }

        var result = new List<SimulatedCase>();
        await foreach (var stored in cases.ListAsync(new CaseListFilter(), cancellationToken))
        {
            result.Add(new SimulatedCase(stored.State, await cases.GetTimelineAsync(stored.State.CaseId, cancellationToken)));
        }

        return new SimulationResult(
            from,
            to,
            [.. result.OrderBy(c => c.State.Account.Entity, StringComparer.Ordinal).ThenBy(c => c.State.Account.CustomerId, StringComparer.Ordinal).ThenBy(c => c.State.CaseId, StringComparer.Ordinal)],
            warnings)
        {
            Messages = sender.Sent.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
        };
    }

    private static async Task ApplyLedgerAsync(CaseEngine engine, SimulationLedger ledger, CancellationToken ct)
    {
        var source = new SnapshotSource(ledger.AsOf, ledger.FileName, ledger.Sha256);
        foreach (var account in ledger.Accounts)
        {
            await engine.ApplySnapshotAsync(account, source, ct);
        }

        foreach (var entity in ledger.Accounts.GroupBy(a => a.Key.Entity, StringComparer.Ordinal))
        {
            await engine.SettleAbsentAccountsAsync(entity.Key, entity.Select(a => a.Key.CustomerId).ToHashSet(StringComparer.Ordinal), source, ct);
        }
    }

    private static async Task RaiseAsync(CaseEngine engine, InMemoryAccountStore accounts, ScriptedEvent scripted, List<string> warnings, CancellationToken ct)
    {
        var account = await accounts.GetAsync(scripted.Entity, scripted.CustomerId, ct);
        if (account?.ActiveCaseId is not { } caseId)
        {
            warnings.Add($"{scripted.At:O} {scripted.Event.GetType().Name} for {scripted.Entity}/{scripted.CustomerId}: no active case");
            return;
        }

        var result = await engine.RaiseAsync(caseId, scripted.Event, ct);
        if (!result.Accepted)
        {
            warnings.Add($"{scripted.At:O} {scripted.Event.GetType().Name} for {scripted.Entity}/{scripted.CustomerId}: {result.Rejection}");
        }
    }
}
