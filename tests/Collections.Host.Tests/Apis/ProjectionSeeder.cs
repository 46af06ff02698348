using System.Globalization;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Projections;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// Writes cases into the projection exactly as the case orchestration's SaveCase activity does (state, timeline rows,
/// pending outbox rows), deciding with the pure state machine at the fixture's clock. The read tests need a
/// hand-computed October scenario at fixed instants; real orchestrations run on the wall clock, so the read side is
/// seeded here and the action tests open real instances instead (<see cref="OperationsHostFixture.OpenCaseAsync"/>).
/// </summary>
internal sealed class ProjectionSeeder(ICaseProjectionStore store, IAccountStore accounts, DunningPolicy policy, TimeProvider clock)
{
    /// <summary>The snapshot applied to the account's open case, or opening the next episode when something is owed.</summary>
    public async Task ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken ct)
    {
        var record = await accounts.GetAsync(account.Key.Entity, account.Key.CustomerId, ct) ?? new AccountRecord(account.Key.Entity, account.Key.CustomerId);
        var evt = new SnapshotApplied(source.AsOf, account.CustomerName, account.Contact, account.Items, source.FileName, source.Sha256) { Actor = "ledger" };
        var now = clock.GetUtcNow() > source.EffectiveAt ? clock.GetUtcNow() : source.EffectiveAt;
        string? active = null;
        if (record.ActiveCaseId is { } id && await store.GetAsync(id, ct) is { IsClosed: false } open)
        {
            var applied = CaseMachine.Apply(open, evt, now, policy);
            Assert.True(applied.Accepted, applied.Rejection);
            await SaveAsync(applied, ct);
            active = applied.State.IsClosed ? null : id;
        }

        var episode = record.Episode;
        var balance = AccountBalance.Compute(account.Items, source.AsOf);
        if (active is null && (balance.HasDebt || balance.HasOverdue))
        {
            var caseId = CaseIds.For(account.Key, episode + 1);
            var opened = CaseMachine.Apply(CaseState.New(caseId, account.Key, now), evt, now, policy);
            if (opened.Accepted)
            {
                await SaveAsync(opened, ct);
                (episode, active) = (episode + 1, caseId);
            }
        }

        await accounts.SaveAsync(record with { ActiveCaseId = active, Episode = episode, LastSha256 = source.Sha256, LastAsOf = source.AsOf }, ct);
    }

    /// <summary>An event applied at the fixture's clock; a rejection or no-change saves nothing.</summary>
    public async Task<CaseCommandResult> RaiseAsync(string caseId, CaseEvent evt, CancellationToken ct)
    {
        if (await store.GetAsync(caseId, ct) is not { } state)
        {
            return new CaseCommandResult(null, "not found", NotFound: true);
        }

        var transition = CaseMachine.Apply(state, evt, clock.GetUtcNow(), policy);
        if (transition.Accepted && transition.NoChange is null)
        {
            await SaveAsync(transition, ct);
        }

        return new CaseCommandResult(transition.State, transition.Rejection) { NoChange = transition.NoChange };
    }

    private async Task SaveAsync(CaseTransition transition, CancellationToken ct)
    {
        var state = transition.State;
        var seq = (await store.GetTimelineAsync(state.CaseId, ct)).Count;
        var n = 0;
        var outbox = transition.Effects.OfType<SendNotice>()
            .Select(send => new OutboxEntry(state.CaseId, string.Create(CultureInfo.InvariantCulture, $"o|{state.Version:D12}|{n++:D2}"), send.Kind, send.At, state.Version))
            .ToList();
        await store.SaveAsync(state, seq, [.. transition.Timeline], outbox, ct);
    }
}
