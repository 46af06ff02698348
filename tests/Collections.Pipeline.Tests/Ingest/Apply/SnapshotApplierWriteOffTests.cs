using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Ingest.Apply;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Ingest.Apply;

/// <summary>Domain.md section 4: apply takes what earlier cases wrote off out of each account before any case hears of it.</summary>
public sealed class SnapshotApplierWriteOffTests
{
    [Fact]
    public async Task ApplyAsync_AccountsListingWrittenOffItems_OnlyNewDebtAndIncreasesReachTheCases()
    {
        var register = new InMemoryWriteOffRegister();
        await register.RecordAsync([Off("K-1", "INV-1", 800m), Off("K-2", "INV-2", 500m), Off("K-3", "INV-3", 500m)], default);
        var store = new InMemoryAccountStore();
        var signals = new RecordingSignals();
        var applier = new SnapshotApplier(store, register, signals, parallelism: 2);
        var accounts = new[]
        {
            Account("K-1", items: Inv("INV-1", "2026-06-01", 800m)),
            Account("K-2", items: [Inv("INV-2", "2026-06-01", 500m), Inv("INV-9", "2026-06-15", 120m)]),
            Account("K-3", items: Inv("INV-3", "2026-06-01", 650m)),
            Account("K-4", items: Inv("INV-4", "2026-06-01", 70m)),
        };

        var result = await applier.ApplyAsync(accounts, Source("2026-06-20"), (_, _) => Task.CompletedTask, default);

        Assert.Equal(4, result.Applied);
        Assert.Equal(
            [("K-1", ""), ("K-2", "INV-9=120"), ("K-3", "INV-3=150"), ("K-4", "INV-4=70")],
            signals.Signalled.OrderBy(a => a.Key.CustomerId, StringComparer.Ordinal).Select(a => (a.Key.CustomerId, Describe(a))));
        Assert.Equal(signals.Signalled.Select(Describe).Order(StringComparer.Ordinal), result.Accounts.Select(Describe).Order(StringComparer.Ordinal));
        var k1 = (await store.GetAsync("default", "K-1", default))!;
        Assert.Equal((null, 0, 1, 800m), (k1.ActiveCaseId, k1.Episode, k1.WrittenOffItems, k1.WrittenOffOpen!["EUR"]));
        var k3 = (await store.GetAsync("default", "K-3", default))!;
        Assert.Equal((1, 1, 500m), (k3.Episode, k3.WrittenOffItems, k3.WrittenOffOpen!["EUR"]));
        var k4 = (await store.GetAsync("default", "K-4", default))!;
        Assert.Equal((0, null), (k4.WrittenOffItems, k4.WrittenOffOpen));
    }

    private static WrittenOffItem Off(string customerId, string invoiceId, decimal open) =>
        new(new AccountKey("default", customerId), invoiceId, Eur, open, "c-" + customerId, T("2026-06-11T10:00:00Z"), "insolvent");

    private static string Describe(CustomerAccount account) =>
        string.Join(",", account.Items.Select(i => FormattableString.Invariant($"{i.InvoiceId}={i.OpenAmount:0.##}")));

    /// <summary>Opens a case for an account that owes something, as the case side does, and keeps what it was given.</summary>
    private sealed class RecordingSignals : ICaseSignals
    {
        private readonly List<CustomerAccount> _signalled = [];

        public IReadOnlyList<CustomerAccount> Signalled
        {
            get
            {
                lock (_signalled)
                {
                    return [.. _signalled];
                }
            }
        }

        public Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
        {
            lock (_signalled)
            {
                _signalled.Add(account);
            }

            var balance = AccountBalance.Compute(account.Items, source.AsOf);
            var next = record with { LastSha256 = source.Sha256, LastAsOf = source.AsOf };
            return Task.FromResult(balance.HasDebt || balance.HasOverdue
                ? next with { ActiveCaseId = CaseIds.For(account.Key, record.Episode + 1), Episode = record.Episode + 1 }
                : next);
        }

        public Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no conflicts in this test");

        public Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
