using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Operations.Apis;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Queries;
using Collections.Pipeline.Storage;
using Collections.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Host.Tests.Durable;

/// <summary>
/// Issue 15 point 6 on the real local Durable runtime (Azurite): accounts are written off through their case
/// orchestrations, then a later ledger (the ERP has not posted the write-off yet) still lists their items. Waits
/// poll with a generous deadline that only bounds a failure.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class WriteOffFinalTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Deadline = DurableWait.Deadline;

    [Fact]
    public async Task WrittenOffAccounts_LaterLedgerStillListsTheirItems_NoNewCaseExceptForNewDebtOrTheIncrease()
    {
        var sender = new CountingEmailSender();
        var cases = Unique("wocases");
        await using var host = await LocalDurableHost.StartAsync(azurite, Unique("wohub"), "worker-a", cases, sender);
        var accountsTable = new Azure.Data.Tables.TableClient(azurite.ConnectionString, cases + "acc");
        await accountsTable.CreateIfNotExistsAsync();
        var accounts = new TableAccountStore(accountsTable);

        // Three debtors ten days overdue: each case sends its final notice at once, then is written off.
        var inputs = new[] { "K-SAME", "K-NEW", "K-MORE" }.Select(k => ShortLadder.NewCase(host.Policies, k, daysOverdue: 10)).ToList();
        foreach (var input in inputs)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId));
            await accounts.SaveAsync(new AccountRecord(input.Entity!, input.CustomerId!) { ActiveCaseId = input.CaseId, Episode = 1 }, CancellationToken.None);
        }

        await Until(() => Task.FromResult(sender.Sent.Count == inputs.Count), () => $"sent {sender.Sent.Count}");
        foreach (var input in inputs)
        {
            await host.Client.RaiseEventAsync(input.CaseId, CaseTasks.SignalEvent, CaseSignal.From(new WriteOffRequested("insolvent") { Actor = "op" }));
        }

        foreach (var input in inputs)
        {
            var done = await host.Client.WaitForInstanceCompletionAsync(input.CaseId, new CancellationTokenSource(Deadline).Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        }

        var registered = new List<Collections.Domain.WriteOffs.WrittenOffItem>();
        await foreach (var item in host.WriteOffs.ListAsync("default", CancellationToken.None))
        {
            registered.Add(item);
        }

        Assert.Equal(inputs.Select(i => ("INV-" + i.CustomerId, 500m, i.CaseId)).Order(), registered.Select(w => (w.InvoiceId, w.OpenAmount, w.CaseId)).Order());

        // The next ledger, as of today: K-SAME as it was, K-NEW plus a new overdue invoice, K-MORE's invoice grew by 150.
        var opening = (SnapshotApplied)inputs[0].Opening!.ToEvent()!;
        var asOf = opening.AsOf.AddDays(1);
        CustomerAccount Listed(CaseInput input, params LedgerItem[] more)
        {
            var first = (SnapshotApplied)input.Opening!.ToEvent()!;
            return new CustomerAccount(new AccountKey(input.Entity!, input.CustomerId!), first.CustomerName, first.Contact, [.. first.Items, .. more]);
        }

        var grown = (SnapshotApplied)inputs[2].Opening!.ToEvent()!;
        var ledger = new[]
        {
            Listed(inputs[0]),
            Listed(inputs[1], opening.Items[0] with { InvoiceId = "INV-NEW", Amount = 120m, OpenAmount = 120m, DueDate = asOf.AddDays(-5) }),
            Listed(inputs[2]) with { Items = [grown.Items[0] with { OpenAmount = 650m }] },
        };
        var applier = new SnapshotApplier(accounts, host.WriteOffs, new DurableCaseSignals(host.Client, accounts, host.WriteOffs, host.Store, host.Policies, TimeProvider.System, NullLogger<DurableCaseSignals>.Instance), parallelism: 2);
        await applier.ApplyAsync(ledger, new SnapshotSource(asOf, $"ledger_{asOf:yyyy-MM-dd}.csv", "sha-later"), (_, _) => Task.CompletedTask, CancellationToken.None);

        // K-NEW and K-MORE open their second episodes and send their first notices; K-SAME stays closed.
        var (same, @new, more) = (inputs[0], inputs[1], inputs[2]);
        var newCase = CaseIds.For(new AccountKey("default", @new.CustomerId!), 2);
        var moreCase = CaseIds.For(new AccountKey("default", more.CustomerId!), 2);
        await Until(async () => sender.Sent.Count >= inputs.Count + 2 && await host.Store.GetAsync(newCase, CancellationToken.None) is not null && await host.Store.GetAsync(moreCase, CancellationToken.None) is not null,
            () => $"sent {sender.Sent.Count}");
        Assert.Equal([("INV-NEW", 120m)], (await host.Store.GetAsync(newCase, CancellationToken.None))!.Items.Select(i => (i.InvoiceId, i.OpenAmount)));
        Assert.Equal([("INV-K-MORE", 150m)], (await host.Store.GetAsync(moreCase, CancellationToken.None))!.Items.Select(i => (i.InvoiceId, i.OpenAmount)));
        Assert.Null(await host.Client.GetInstanceAsync(CaseIds.For(new AccountKey("default", same.CustomerId!), 2)));
        Assert.Single(sender.Sent, m => m.IdempotencyKey.StartsWith(same.CaseId + "/", StringComparison.Ordinal));
        var sameRecord = (await accounts.GetAsync("default", same.CustomerId!, CancellationToken.None))!;
        Assert.Equal((null, 1, 1, 500m), (sameRecord.ActiveCaseId, sameRecord.Episode, sameRecord.WrittenOffItems, sameRecord.WrittenOffOpen!["EUR"]));

        // Each write-off counts once: in the bad-debt KPI and in the finance export.
        var all = new List<KpiCaseData>();
        foreach (var id in inputs.Select(i => i.CaseId).Append(newCase).Append(moreCase))
        {
            all.Add(new KpiCaseData((await host.Store.GetAsync(id, CancellationToken.None))!, await host.Store.GetTimelineAsync(id, CancellationToken.None), []));
        }

        var period = new KpiPeriod(asOf.AddDays(-40), asOf.AddDays(1));
        var kpi = KpiCalculator.Compute(period, asOf, DateTimeOffset.UtcNow, all, [], ShortLadder.Policy);
        Assert.Equal(1500m, Assert.Single(kpi.BadDebtRates).WrittenOff);
        var exported = all.SelectMany(c => FinanceExports.WriteOffs(c.State, c.Timeline, period.From, period.To)).ToList();
        Assert.Equal((3, 1500m), (exported.Count, exported.Sum(r => r.Amount)));
    }

    private static async Task Until(Func<Task<bool>> condition, Func<string> describe)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the cases did not get there in time: " + describe());
            await Task.Delay(200);
        }
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
