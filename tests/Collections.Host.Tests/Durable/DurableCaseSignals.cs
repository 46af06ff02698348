using Collections.Domain.Aging;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.Host.Tests.Durable;

/// <summary>
/// Ingest's side of the cases over the Durable Task client, reduced to what the write-off tests need: a running
/// case gets the snapshot as a signal; an account that owes something and has none opens its next episode.
/// (Stands in for the production implementation the durable branch brings; the decision is the same.)
/// </summary>
internal sealed class DurableCaseSignals(DurableTaskClient client, PolicyCatalog policies) : ICaseSignals
{
    public async Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
    {
        var snapshot = CaseSignal.From(new SnapshotApplied(source.AsOf, account.CustomerName, account.Contact, account.Items, source.FileName, source.Sha256) { Actor = "ledger" });
        var next = record with { LastSha256 = source.Sha256, LastAsOf = source.AsOf };
        if (record.ActiveCaseId is { } active
            && await client.GetInstanceAsync(active, cancellationToken) is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending })
        {
            await client.RaiseEventAsync(active, CaseTasks.SignalEvent, snapshot, cancellationToken);
            return next;
        }

        var balance = AccountBalance.Compute(account.Items, source.AsOf);
        if (!balance.HasDebt && !balance.HasOverdue)
        {
            return next with { ActiveCaseId = null };
        }

        var caseId = CaseIds.For(account.Key, record.Episode + 1);
        var input = new CaseInput(caseId, policies.CurrentVersion) { Entity = account.Key.Entity, CustomerId = account.Key.CustomerId, Opening = snapshot };
        await client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(caseId), cancellationToken);
        return next with { ActiveCaseId = caseId, Episode = record.Episode + 1 };
    }

    public Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the write-off tests have no conflicting writers");

    public Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken) => Task.FromResult(0);
}
