using Azure.Data.Tables;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Storage;
using Collections.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Host.Tests.Durable;

/// <summary>Ingest's signals to cases through the SDK's client, on the real local Durable runtime (Azurite).</summary>
[Collection(DurableCollection.Name)]
public sealed class DurableCaseSignalsTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Deadline = DurableWait.Deadline;
    private static readonly Currency Eur = Currency.Parse("EUR");

    [Fact]
    public async Task ApplySnapshotAsync_OpenStaleThenResolvingWithNewDebt_StartsSkipsResolvesAndOpensNextEpisode()
    {
        var (host, accounts, signals) = await StartAsync();
        await using var _ = host;
        var today = Today();
        var key = new AccountKey("default", "K-SIG");

        var opened = await signals.ApplySnapshotAsync(Account(key, Item("INV-1", today.AddDays(-4), 500m)), Source(today.AddDays(-2)), CancellationToken.None);
        var first = CaseIds.For(key, 1);
        Assert.Equal(SnapshotOutcome.Opened, opened);
        await Until(async () => (await host.Store.GetAsync(first, CancellationToken.None))?.AsOf == today.AddDays(-2));

        var stale = await signals.ApplySnapshotAsync(Account(key, Item("INV-1", today.AddDays(-4), 100m)), Source(today.AddDays(-3)), CancellationToken.None);
        Assert.Equal(SnapshotOutcome.Stale, stale);

        // INV-1 paid, INV-2 not yet due: the first case resolves and the debt left opens the second episode.
        var resolved = await signals.ApplySnapshotAsync(Account(key, Item("INV-1", today.AddDays(-4), 0m), Item("INV-2", today.AddDays(20), 80m)), Source(today.AddDays(-1)), CancellationToken.None);
        Assert.Equal(SnapshotOutcome.Resolved, resolved);
        var completed = await host.Client.WaitForInstanceCompletionAsync(first, getInputsAndOutputs: true, new CancellationTokenSource(Deadline).Token);
        Assert.Equal(("Completed", "Resolved"), (completed.ReadOutputAs<CaseOutcome>()!.Status, completed.ReadOutputAs<CaseOutcome>()!.Stage));
        var record = await accounts.GetAsync(key.Entity, key.CustomerId, CancellationToken.None);
        Assert.Equal((CaseIds.For(key, 2), 2, today.AddDays(-1)), (record!.ActiveCaseId, record.Episode, record.LastAsOf));
        Assert.False((await host.Client.GetInstanceAsync(CaseIds.For(key, 2)))!.IsCompleted);

        // The stale snapshot never reached the case: its items are the resolving snapshot's.
        var state = await host.Store.GetAsync(first, CancellationToken.None);
        Assert.Equal(0m, state!.Items.Single(i => i.InvoiceId == "INV-1").OpenAmount);
    }

    [Fact]
    public async Task ApplySnapshotAsync_SnapshotsWhileTheInstanceIsBusy_AllApplyInAsOfOrder()
    {
        var (host, _, signals) = await StartAsync();
        await using var __ = host;
        var today = Today();
        var key = new AccountKey("default", "K-BUSY");

        // Three snapshots back to back: the instance is still starting when the second and third are raised.
        foreach (var (days, open) in new[] { (-3, 500m), (-2, 300m), (-1, 200m) })
        {
            await signals.ApplySnapshotAsync(Account(key, Item("INV-9", today.AddDays(-6), open)), Source(today.AddDays(days)), CancellationToken.None);
        }

        var caseId = CaseIds.For(key, 1);
        await Until(async () => (await host.Store.GetAsync(caseId, CancellationToken.None))?.AsOf == today.AddDays(-1));
        var state = await host.Store.GetAsync(caseId, CancellationToken.None);
        Assert.Equal(200m, state!.Items.Single().OpenAmount);
        var timeline = await host.Store.GetTimelineAsync(caseId, CancellationToken.None);
        var files = timeline.Select(e => e.Data?.GetValueOrDefault("file")).Where(f => f is not null).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal([Source(today.AddDays(-3)).FileName, Source(today.AddDays(-2)).FileName, Source(today.AddDays(-1)).FileName], files);
        var status = (await host.Client.GetInstanceAsync(caseId, getInputsAndOutputs: true))!.ReadCustomStatusAs<CaseCustomStatus>();
        Assert.Null(status!.LastRejection);
    }

    private async Task<(LocalDurableHost Host, TableAccountStore Accounts, DurableCaseSignals Signals)> StartAsync()
    {
        var host = await LocalDurableHost.StartAsync(azurite, Unique("sig"), "worker-s", Unique("sigcases"), new CountingEmailSender());
        var table = new TableClient(azurite.ConnectionString, Unique("sigaccounts"));
        await table.CreateIfNotExistsAsync();
        var accounts = new TableAccountStore(table);
        var signals = new DurableCaseSignals(host.Client, accounts, host.WriteOffs, host.Store, host.Policies, TimeProvider.System, NullLogger<DurableCaseSignals>.Instance);
        return (host, accounts, signals);
    }

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(ShortLadder.Zone)).DateTime);

    private static LedgerItem Item(string id, DateOnly due, decimal open) => new(id, due.AddDays(-30), due, Eur, 500m, open);

    private static CustomerAccount Account(AccountKey key, params LedgerItem[] items) =>
        new(key, "Debtor " + key.CustomerId, new ContactDetails($"ap@{key.CustomerId.ToLowerInvariant()}.example", [], "Alex", NoticeLanguage.English, ShortLadder.Zone, "GB", CreditGrade.B), items);

    private static SnapshotSource Source(DateOnly asOf) => new(asOf, $"ledger_{asOf:yyyy-MM-dd}.csv", $"sha-{asOf:yyyyMMdd}");

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the case did not get there in time");
            await Task.Delay(200);
        }
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
