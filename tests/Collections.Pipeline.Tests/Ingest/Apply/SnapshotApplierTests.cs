using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Ingest.Apply;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Ingest.Apply;

/// <summary>How apply uses the account index: one read per entity, writes in transactions of at most 100, a conflict redone account by account.</summary>
public sealed class SnapshotApplierTests
{
    [Fact]
    public async Task ApplyAsync_NewStore_ReadsEachEntityOnceAndWritesFullBatchesOfOnePartition()
    {
        var store = new CountingAccountStore();
        var applier = new SnapshotApplier(store, new InMemoryWriteOffRegister(), new OpeningSignals(), parallelism: 1);
        var accounts = Accounts("a", 2_500).Concat(Accounts("b", 5)).ToList();

        var done = await applier.ApplyAsync(accounts, Source("2026-06-12"), (_, _) => Task.CompletedTask, default);

        Assert.Equal(2_505, done.Applied);
        Assert.Equal(new[] { "a", "b" }, store.Listed);
        Assert.Equal(0, store.Gets);

        // Each group (the index's partition) is written in transactions of 100 and one for the rest: no group is
        // split into more transactions than it needs, and the in-memory store refuses a transaction across groups.
        var expected = accounts
            .GroupBy(a => (a.Key.Entity, store.TransactionGroupOf(a.Key.Entity, a.Key.CustomerId)))
            .SelectMany(g => g.Chunk(100).Select(c => c.Length))
            .Order()
            .ToList();
        Assert.Equal(expected, store.Batches.Order());
        Assert.Contains(100, store.Batches);
        Assert.True(store.Batches.Count < 2_505 / 50, $"{store.Batches.Count} transactions");
        Assert.Equal("sha-2026-06-12", (await store.GetAsync("a", "C-2499", default))!.LastSha256);
    }

    [Fact]
    public async Task ApplyAsync_SameSnapshotAgain_NothingSignalledNothingWritten()
    {
        var store = new CountingAccountStore();
        var signals = new OpeningSignals();
        var applier = new SnapshotApplier(store, new InMemoryWriteOffRegister(), signals, parallelism: 4);
        var accounts = Accounts("a", 30).ToList();
        await applier.ApplyAsync(accounts, Source("2026-06-12"), (_, _) => Task.CompletedTask, default);
        var (signalled, batches) = (signals.Signalled, store.Batches.Count);

        var done = await applier.ApplyAsync(accounts, Source("2026-06-12"), (_, _) => Task.CompletedTask, default);

        Assert.Equal(30, done.Applied);
        Assert.Equal((signalled, batches), (signals.Signalled, store.Batches.Count));
    }

    [Fact]
    public async Task ApplyAsync_AccountChangedMeanwhile_BatchRedoneAccountByAccount()
    {
        var store = new CountingAccountStore();
        // Three accounts of one transaction group, so they share a batch.
        var accounts = Accounts("a", 200).GroupBy(a => store.TransactionGroupOf("a", a.Key.CustomerId)).First(g => g.Count() >= 3).Take(3).ToList();
        var changed = accounts[1].Key.CustomerId;
        await store.SaveAsync(new AccountRecord("a", changed) { Episode = 1, ActiveCaseId = "case-1" }, default);

        // An operator closes one account's case while the batch is being signalled: the batch's ETag no longer matches.
        var signals = new OpeningSignals
        {
            OnSignal = async k =>
            {
                if (k == changed)
                {
                    var current = (await store.GetAsync("a", k, default))!;
                    await store.SaveAsync(current with { ActiveCaseId = null }, default);
                }
            },
        };
        var applier = new SnapshotApplier(store, new InMemoryWriteOffRegister(), signals, parallelism: 1);

        await applier.ApplyAsync(accounts, Source("2026-06-12"), (_, _) => Task.CompletedTask, default);

        Assert.Equal(accounts.Select(a => a.Key.CustomerId).Order(StringComparer.Ordinal), signals.AppliedOneByOne.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<CustomerAccount> Accounts(string entity, int count) =>
        Enumerable.Range(0, count).Select(i => Account($"C-{i:D4}", CreditGrade.B, "Europe/London", Inv($"I-{i}", "2026-06-01", 100m)) with { Key = new AccountKey(entity, $"C-{i:D4}") });

    /// <summary>Opens a case for every account (no storage of its own).</summary>
    private sealed class OpeningSignals : ICaseSignals
    {
        private int _signalled;

        public int Signalled => _signalled;

        public Func<string, Task>? OnSignal { get; init; }

        public List<string> AppliedOneByOne { get; } = [];

        public async Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _signalled);
            if (OnSignal is not null)
            {
                await OnSignal(account.Key.CustomerId);
            }

            return record with { ActiveCaseId = CaseIds.For(account.Key, record.Episode + 1), Episode = record.Episode + 1, LastSha256 = source.Sha256, LastAsOf = source.AsOf };
        }

        public Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken)
        {
            lock (AppliedOneByOne)
            {
                AppliedOneByOne.Add(account.Key.CustomerId);
            }

            return Task.FromResult(SnapshotOutcome.Applied);
        }

        public Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    /// <summary>The in-memory account index, counting how it is read and written.</summary>
    private sealed class CountingAccountStore : IAccountStore
    {
        private readonly InMemoryAccountStore _inner = new();

        public int Gets { get; private set; }

        public List<string> Listed { get; } = [];

        public List<int> Batches { get; } = [];

        public Task<AccountRecord?> GetAsync(string entity, string customerId, CancellationToken cancellationToken)
        {
            Gets++;
            return _inner.GetAsync(entity, customerId, cancellationToken);
        }

        public Task<AccountRecord> SaveAsync(AccountRecord record, CancellationToken cancellationToken) => _inner.SaveAsync(record, cancellationToken);

        public string TransactionGroupOf(string entity, string customerId) => _inner.TransactionGroupOf(entity, customerId);

        public Task<IReadOnlyList<AccountRecord>> SaveManyAsync(IReadOnlyList<AccountRecord> records, CancellationToken cancellationToken)
        {
            lock (Batches)
            {
                Batches.Add(records.Count);
            }

            return _inner.SaveManyAsync(records, cancellationToken);
        }

        public IAsyncEnumerable<AccountRecord> ListAsync(string entity, CancellationToken cancellationToken)
        {
            Listed.Add(entity);
            return _inner.ListAsync(entity, cancellationToken);
        }

        public IAsyncEnumerable<AccountRecord> ListActiveAsync(string entity, CancellationToken cancellationToken) => _inner.ListActiveAsync(entity, cancellationToken);
    }
}
