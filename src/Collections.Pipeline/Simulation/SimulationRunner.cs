using Collections.Domain.Aging;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Domain.WriteOffs;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Pipeline.Simulation;

/// <summary>
/// Runs the production case orchestration (the same <see cref="CaseOrchestrator"/> and activities) on the
/// <see cref="VirtualDurableRuntime"/>'s clock over in-memory stores. Ledgers apply at their as-of date
/// 00:00 UTC; scripted events and timers are delivered in time order (at one instant: ledgers, then scripted
/// events, then timers). E-mails are rendered but not sent; the result keeps each one for the preview.
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
        var store = new InMemoryCaseProjectionStore();
        var writeOffs = new InMemoryWriteOffRegister();
        var policies = new PolicyCatalog(_policy);
        var options = new CaseOptions { DashboardBaseUrl = new Uri("http://localhost:7071/") };
        var sender = new SimulatedEmailSender();
        var activities = new Dictionary<string, ITaskActivity>(StringComparer.Ordinal)
        {
            [CaseTasks.SaveCase] = new SaveCaseActivity(store, writeOffs),
            [CaseTasks.SendNotice] = new SendNoticeActivity(store, _renderer, sender, policies, options, NullLogger<SendNoticeActivity>.Instance),
            [CaseTasks.WriteEvidence] = new WriteEvidenceActivity(store, new InMemoryEvidenceStore()),
        };
        var runtime = new VirtualDurableRuntime(new CaseOrchestrator(policies), activities, from);
        var warnings = new List<string>();

        var pendingLedgers = new Queue<SimulationLedger>(ledgers.OrderBy(l => l.AsOf));
        var pendingEvents = new Queue<ScriptedEvent>(events.OrderBy(e => e.At));
        for (var steps = 0; steps < 1_000_000; steps++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ledgerAt = pendingLedgers.Count > 0 ? (DateTimeOffset?)SnapshotSource.EffectiveAtOf(pendingLedgers.Peek().AsOf) : null;
            var eventAt = pendingEvents.Count > 0 ? (DateTimeOffset?)pendingEvents.Peek().At : null;
            var external = new[] { ledgerAt, eventAt }.Where(t => t is not null).Min();
            var timerAt = runtime.NextTimerAt;
            if (external is { } at && at <= to && (timerAt is null || at <= timerAt))
            {
                runtime.AdvanceTo(at);
                if (ledgerAt <= at)
                {
                    ApplyLedger(runtime, store, writeOffs, policies, pendingLedgers.Dequeue());
                }
                else
                {
                    Raise(runtime, pendingEvents.Dequeue(), warnings);
                }
            }
            else if (!runtime.FireNextTimer(to))
            {
                break;
            }
        }

        warnings.AddRange(runtime.Failures.Select(f => $"case {f.InstanceId} failed: {f.Error}"));
        var result = new List<SimulatedCase>();
        foreach (var state in store.All)
        {
            result.Add(new SimulatedCase(state, await store.GetTimelineAsync(state.CaseId, cancellationToken)));
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

    private static void ApplyLedger(VirtualDurableRuntime runtime, InMemoryCaseProjectionStore store, InMemoryWriteOffRegister writeOffs, PolicyCatalog policies, SimulationLedger ledger)
    {
        // As ingest does: what an earlier case wrote off never reopens dunning.
        var writtenOff = writeOffs.All;
        foreach (var account in ledger.Accounts)
        {
            ApplySnapshot(runtime, policies, WriteOffFilter.Apply(account, writtenOff).Account, ledger);
        }

        foreach (var entity in ledger.Accounts.GroupBy(a => a.Key.Entity, StringComparer.Ordinal))
        {
            var present = entity.Select(a => a.Key.CustomerId).ToHashSet(StringComparer.Ordinal);
            foreach (var state in store.All.Where(s => string.Equals(s.Account.Entity, entity.Key, StringComparison.Ordinal) && !present.Contains(s.Account.CustomerId) && runtime.IsRunning(s.CaseId)))
            {
                if (state.Contact is { } contact)
                {
                    ApplySnapshot(runtime, policies, new CustomerAccount(state.Account, state.CustomerName, contact, []), ledger);
                }
            }
        }
    }

    /// <summary>Signals the account's running case, or opens the next episode when something is owed (after a resolving snapshot too).</summary>
    private static void ApplySnapshot(VirtualDurableRuntime runtime, PolicyCatalog policies, CustomerAccount account, SimulationLedger ledger)
    {
        var snapshot = CaseSignal.From(new SnapshotApplied(ledger.AsOf, account.CustomerName, account.Contact, account.Items, ledger.FileName, ledger.Sha256) { Actor = "ledger" });
        var (episode, running) = Find(runtime, account.Key);
        if (running is not null)
        {
            runtime.Raise(running, snapshot);
            if (runtime.IsRunning(running))
            {
                return;
            }
        }

        var balance = AccountBalance.Compute(account.Items, ledger.AsOf);
        if (balance.HasDebt || balance.HasOverdue)
        {
            var caseId = CaseIds.For(account.Key, episode + 1);
            runtime.Start(caseId, new CaseInput(caseId, policies.CurrentVersion) { Entity = account.Key.Entity, CustomerId = account.Key.CustomerId, Opening = snapshot });
        }
    }

    /// <summary>The account's last episode so far and its instance when it still runs.</summary>
    private static (int Episode, string? Running) Find(VirtualDurableRuntime runtime, AccountKey account)
    {
        var episode = 0;
        while (runtime.Exists(CaseIds.For(account, episode + 1)))
        {
            episode++;
        }

        var last = CaseIds.For(account, episode);
        return (episode, episode > 0 && runtime.IsRunning(last) ? last : null);
    }

    private static void Raise(VirtualDurableRuntime runtime, ScriptedEvent scripted, List<string> warnings)
    {
        var name = scripted.Event.GetType().Name;
        var (_, running) = Find(runtime, new AccountKey(scripted.Entity, scripted.CustomerId));
        if (running is null)
        {
            warnings.Add($"{scripted.At:O} {name} for {scripted.Entity}/{scripted.CustomerId}: no active case");
            return;
        }

        runtime.Raise(running, CaseSignal.From(scripted.Event));
        if (runtime.CustomStatusOf(running) is CaseCustomStatus { LastRejection: { } rejection })
        {
            warnings.Add($"{scripted.At:O} {name} for {scripted.Entity}/{scripted.CustomerId}: {rejection[(rejection.IndexOf(": ", StringComparison.Ordinal) + 2)..]}");
        }
    }
}
