using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Collections.Domain.Ledger;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Cases;
using Collections.Pipeline.WriteOffs;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// Applies a validated snapshot's accounts. The account index is read once per entity (one query over its
/// partitions, instead of a read per account that always misses on a new store) and written back in entity-group
/// transactions of up to 100 accounts of one partition (<see cref="IAccountStore.TransactionGroupOf"/>); only
/// signalling the cases is per account. A batch that conflicts (an operator closed a case meanwhile) is redone
/// account by account through <see cref="ICaseSignals.ApplySnapshotAsync"/>,
/// which reads fresh and is idempotent. The entity's write-off register is read once too: items an earlier case
/// wrote off are taken out of each account before anything is signalled (<see cref="WriteOffFilter"/>), so a
/// ledger that still lists them never reopens dunning; the account record says how much it listed as written off.
/// The accounts are read once, in batches, while earlier batches are written (at most two batches wait for a
/// writer): memory is bounded by the batches in flight, not by the file (a parse result makes an account's items
/// when it is read).
/// </summary>
public sealed class SnapshotApplier
{
    private const int MaxBatch = 100;
    private const int WaitingBatches = 2;
    private readonly IAccountStore _accounts;
    private readonly IWriteOffRegister _writeOffs;
    private readonly ICaseSignals _cases;
    private readonly int _parallelism;

    /// <summary>Creates the applier; <paramref name="parallelism"/> batches are in flight at once.</summary>
    public SnapshotApplier(IAccountStore accounts, IWriteOffRegister writeOffs, ICaseSignals cases, int parallelism)
    {
        _accounts = accounts;
        _writeOffs = writeOffs;
        _cases = cases;
        _parallelism = parallelism;
    }

    /// <summary>
    /// Applies every account; <paramref name="progress"/> gets the running count of accounts done after each batch
    /// (calls are serialised). Returns how many accounts were applied or found already applied, and the accounts as applied.
    /// </summary>
    public async Task<SnapshotApplyResult> ApplyAsync(IReadOnlyCollection<CustomerAccount> accounts, SnapshotSource source, Func<int, CancellationToken, Task> progress, CancellationToken cancellationToken)
    {
        var applied = new List<CustomerAccount>(accounts.Count);
        var done = await ApplyEachAsync(accounts, source, progress, applied.Add, cancellationToken);
        return new SnapshotApplyResult(done, applied);
    }

    /// <summary>
    /// As <see cref="ApplyAsync"/>, without keeping the accounts: <paramref name="applied"/> gets each account as
    /// applied (written-off items left out), one at a time, grouped by entity in the order the entities first appear,
    /// then by transaction group (the index's partition).
    /// Returns how many accounts were applied or found already applied.
    /// </summary>
    public async Task<int> ApplyEachAsync(IReadOnlyCollection<CustomerAccount> accounts, SnapshotSource source, Func<int, CancellationToken, Task> progress, Action<CustomerAccount> applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var list = accounts as IReadOnlyList<CustomerAccount> ?? [.. accounts];
        var counter = new StrongBox<int>(); // applied so far, shared by the reader and the writers
        // Making a batch takes far less than writing one: two waiting keep the writers busy.
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(WaitingBatches) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = ProduceAsync(list, source, applied, counter, channel.Writer, stop.Token);

        using var gate = new SemaphoreSlim(1, 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(channel.Reader.ReadAllAsync(stop.Token), options, async (batch, ct) =>
            {
                await ApplyBatchAsync(batch.Accounts, batch.Records, source, ct);
                var n = Interlocked.Add(ref counter.Value, batch.Accounts.Length);
                await gate.WaitAsync(ct);
                try
                {
                    await progress(n, ct);
                }
                finally
                {
                    gate.Release();
                }
            });
        }
        catch
        {
            // A batch failed: stop reading accounts; the batch's error is the one to report.
            await stop.CancelAsync();
            try
            {
                await producing;
            }
            catch (OperationCanceledException)
            {
            }

            throw;
        }

        await producing;
        return Volatile.Read(ref counter.Value);
    }

    /// <summary>
    /// Reads each entity's index and write-off register, then its accounts in batches of up to 100 (small files
    /// still spread over the parallelism), writing each batch to <paramref name="batches"/> as it fills.
    /// </summary>
    private async Task ProduceAsync(IReadOnlyList<CustomerAccount> accounts, SnapshotSource source, Action<CustomerAccount> applied, StrongBox<int> counter, ChannelWriter<Batch> batches, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (entity, indexes) in GroupByEntity(accounts))
            {
                var known = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
                await foreach (var record in _accounts.ListAsync(entity, cancellationToken))
                {
                    known[record.CustomerId] = record;
                }

                var writtenOff = await ReadWriteOffsAsync(entity, cancellationToken);
                var todo = 0;
                foreach (var i in indexes)
                {
                    var key = KeyAt(accounts, i);
                    if (!string.Equals(known.GetValueOrDefault(key.CustomerId)?.LastSha256, source.Sha256, StringComparison.Ordinal))
                    {
                        todo++;
                    }
                }

                Interlocked.Add(ref counter.Value, indexes.Count - todo);
                var size = Math.Clamp((todo + _parallelism - 1) / _parallelism, 1, MaxBatch);

                // One transaction takes accounts of one group (the index's partition): the entity's accounts are
                // taken group by group (by key alone, nothing made), so only one batch fills at a time.
                foreach (var group in indexes.GroupBy(i => _accounts.TransactionGroupOf(entity, KeyAt(accounts, i).CustomerId), StringComparer.Ordinal))
                {
                    var batch = new List<(WriteOffResult Account, AccountRecord Record)>(size);
                    foreach (var i in group)
                    {
                        var original = accounts[i];
                        var account = writtenOff.TryGetValue(original.Key.CustomerId, out var items) ? WriteOffFilter.Apply(original, items) : new WriteOffResult(original, []);
                        applied(account.Account);
                        var record = known.GetValueOrDefault(original.Key.CustomerId) ?? new AccountRecord(original.Key.Entity, original.Key.CustomerId);
                        if (string.Equals(record.LastSha256, source.Sha256, StringComparison.Ordinal))
                        {
                            continue;
                        }

                        batch.Add((account, record));
                        if (batch.Count == size)
                        {
                            await batches.WriteAsync(Batch.Of(batch), cancellationToken);
                            batch.Clear();
                        }
                    }

                    if (batch.Count > 0)
                    {
                        await batches.WriteAsync(Batch.Of(batch), cancellationToken);
                    }
                }
            }
        }
        finally
        {
            batches.TryComplete();
        }
    }

    private async Task<Dictionary<string, List<WrittenOffItem>>> ReadWriteOffsAsync(string entity, CancellationToken cancellationToken)
    {
        var writtenOff = new Dictionary<string, List<WrittenOffItem>>(StringComparer.Ordinal);
        await foreach (var item in _writeOffs.ListAsync(entity, cancellationToken))
        {
            if (!writtenOff.TryGetValue(item.Account.CustomerId, out var list))
            {
                writtenOff[item.Account.CustomerId] = list = [];
            }

            list.Add(item);
        }

        return writtenOff;
    }

    /// <summary>The accounts' positions per entity, entities in order of first appearance (as <c>GroupBy</c>), read by key only.</summary>
    private static List<(string Entity, List<int> Indexes)> GroupByEntity(IReadOnlyList<CustomerAccount> accounts)
    {
        var groups = new List<(string Entity, List<int> Indexes)>();
        var byEntity = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < accounts.Count; i++)
        {
            var entity = KeyAt(accounts, i).Entity;
            if (!byEntity.TryGetValue(entity, out var indexes))
            {
                byEntity[entity] = indexes = [];
                groups.Add((entity, indexes));
            }

            indexes.Add(i);
        }

        return groups;
    }

    /// <summary>An account's key; a parse result's list gives it without making the account's items.</summary>
    private static AccountKey KeyAt(IReadOnlyList<CustomerAccount> accounts, int index) =>
        accounts is IAccountKeys keys ? keys.KeyAt(index) : accounts[index].Key;

    /// <summary>The record as the account view shows it: how much of the snapshot was listed as written off.</summary>
    private static AccountRecord WithWriteOffs(AccountRecord record, WriteOffResult account)
    {
        var open = account.WrittenOff
            .GroupBy(i => i.Currency.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.OpenAmount), StringComparer.Ordinal);
        return record with { WrittenOffItems = account.WrittenOff.Count, WrittenOffOpen = open.Count > 0 ? open : null };
    }

    private async Task ApplyBatchAsync(WriteOffResult[] accounts, AccountRecord[] records, SnapshotSource source, CancellationToken cancellationToken)
    {
        var next = new AccountRecord[accounts.Length];
        for (var i = 0; i < accounts.Length; i++)
        {
            next[i] = WithWriteOffs(await _cases.SignalSnapshotAsync(accounts[i].Account, records[i], source, cancellationToken), accounts[i]);
        }

        try
        {
            await _accounts.SaveManyAsync(next, cancellationToken);
        }
        catch (CaseConcurrencyException)
        {
            foreach (var account in accounts)
            {
                await _cases.ApplySnapshotAsync(account.Account, source, cancellationToken);
            }
        }
    }

    /// <summary>Up to 100 accounts of one entity, as applied, with the records ingest read for them.</summary>
    private sealed record Batch(WriteOffResult[] Accounts, AccountRecord[] Records)
    {
        public static Batch Of(List<(WriteOffResult Account, AccountRecord Record)> items) =>
            new([.. items.Select(x => x.Account)], [.. items.Select(x => x.Record)]);
    }
}
