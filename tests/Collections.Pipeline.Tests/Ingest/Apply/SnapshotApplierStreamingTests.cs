using System.Collections;
using Collections.Domain.Ledger;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Ingest.Apply;

/// <summary>Apply reads a snapshot's accounts once, a few batches ahead of the cases, and keeps none of them.</summary>
public sealed class SnapshotApplierStreamingTests
{
    [Fact]
    public async Task ApplyEachAsync_LargeSnapshot_MakesAccountsOnlyAFewBatchesAheadOfTheCases()
    {
        var accounts = new CountingAccounts([.. Enumerable.Range(0, 3000).Select(i => Account($"C-{i:D4}", items: Inv($"I-{i}", "2026-06-01", 100m)))]);
        var signals = new AheadSignals(accounts);
        var applier = new SnapshotApplier(new InMemoryAccountStore(), new InMemoryWriteOffRegister(), signals, parallelism: 2);
        var seen = 0;

        var done = await applier.ApplyEachAsync(accounts, Source("2026-06-12"), (_, _) => Task.CompletedTask, _ => seen++, default);

        // Batches of 100, at most 2 waiting and 2 being applied: never the whole file made at once (3000 before this change).
        Assert.Equal((3000, 3000, 3000), (done, seen, signals.Signalled));
        Assert.InRange(signals.MostAhead, 1, 700);
        Assert.Equal(3000, accounts.Made);
    }

    [Fact]
    public async Task ApplyEachAsync_InterleavedEntities_GivesEachAccountOnceAsAppliedGroupedByEntity()
    {
        var register = new InMemoryWriteOffRegister();
        await register.RecordAsync([new WrittenOffItem(new AccountKey("b", "K-1"), "INV-1", Eur, 800m, "c-K-1", T("2026-06-11T10:00:00Z"), "insolvent")], default);
        var accounts = new CountingAccounts(
        [
            Account("K-1", items: [Inv("INV-1", "2026-06-01", 800m), Inv("INV-2", "2026-06-01", 10m)]) with { Key = new AccountKey("b", "K-1") },
            Account("K-9", items: Inv("INV-3", "2026-06-01", 20m)) with { Key = new AccountKey("a", "K-9") },
            Account("K-2", items: Inv("INV-4", "2026-06-01", 30m)) with { Key = new AccountKey("b", "K-2") },
        ]);
        var store = new InMemoryAccountStore();
        var applier = new SnapshotApplier(store, register, new AheadSignals(accounts), parallelism: 1);
        var applied = new List<string>();

        var done = await applier.ApplyEachAsync(accounts, Source("2026-06-20"), (_, _) => Task.CompletedTask,
            a => applied.Add($"{a.Key.Entity}/{a.Key.CustomerId}:{string.Join('+', a.Items.Select(i => i.InvoiceId))}"), default);

        Assert.Equal(3, done);
        Assert.Equal(["b/K-1:INV-2", "b/K-2:INV-4", "a/K-9:INV-3"], applied);
        Assert.Equal(3, accounts.Made);
        Assert.Equal(1, (await store.GetAsync("b", "K-1", default))!.WrittenOffItems);
    }

    [Fact]
    public void AppliedAccounts_AccountsOfTwoEntities_PresentIdsAndTotalsPerEntityInFirstSeenOrder()
    {
        var applied = new AppliedAccounts(D("2026-06-20"), new Dictionary<string, DateOnly?>(StringComparer.Ordinal) { ["b"] = D("2026-05-01") });
        var accounts = new[]
        {
            Account("K-1", items: Inv("INV-1", "2026-06-01", 800m)) with { Key = new AccountKey("b", "K-1") },
            Account("K-9", items: Inv("INV-3", "2026-06-01", 20m)) with { Key = new AccountKey("a", "K-9") },
            Account("K-2", items: Inv("INV-4", "2026-06-01", 30m)) with { Key = new AccountKey("b", "K-2") },
        };

        foreach (var account in accounts)
        {
            applied.Add(account);
        }

        Assert.Equal(["b", "a"], applied.Entities.Select(e => e.Name));
        Assert.Equal(["K-1", "K-2"], applied.Entities[0].Present.Order(StringComparer.Ordinal));
        var b = applied.Entities[0].Totals.ToSummary("b", "file-1");
        Assert.Equal(SnapshotSummaryBuilder.Build("b", D("2026-06-20"), D("2026-05-01"), "file-1", [accounts[0], accounts[2]]).Currencies.Single().Receivables, b.Currencies.Single().Receivables);
        Assert.Equal(830m, b.Currencies.Single().Receivables);
    }

    /// <summary>Accounts made on each read, as a parse result's are, counting how many were made; keys come without making one.</summary>
    private sealed class CountingAccounts(CustomerAccount[] accounts) : IReadOnlyList<CustomerAccount>, IAccountKeys
    {
        private int _made;

        public int Made => Volatile.Read(ref _made);

        public int Count => accounts.Length;

        public CustomerAccount this[int index]
        {
            get
            {
                Interlocked.Increment(ref _made);
                return accounts[index];
            }
        }

        public AccountKey KeyAt(int index) => accounts[index].Key;

        public IEnumerator<CustomerAccount> GetEnumerator()
        {
            for (var i = 0; i < accounts.Length; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Opens a case for every account, noting how far ahead of the cases the accounts were made.</summary>
    private sealed class AheadSignals(CountingAccounts accounts) : ICaseSignals
    {
        private readonly Lock _gate = new();
        private int _signalled;
        private int _mostAhead;

        public int Signalled => _signalled;

        public int MostAhead => _mostAhead;

        public Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _signalled++;
                _mostAhead = Math.Max(_mostAhead, accounts.Made - _signalled);
            }

            return Task.FromResult(record with { ActiveCaseId = CaseIds.For(account.Key, record.Episode + 1), Episode = record.Episode + 1, LastSha256 = source.Sha256, LastAsOf = source.AsOf });
        }

        public Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no conflicts in this test");

        public Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
