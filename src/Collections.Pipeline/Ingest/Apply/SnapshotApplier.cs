using Collections.Domain.Ledger;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Cases;
using Collections.Pipeline.WriteOffs;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// Applies a validated snapshot's accounts. The account index is read once per entity (one partition query,
/// instead of a read per account that always misses on a new store) and written back in entity-group
/// transactions of up to 100 accounts; only signalling the cases is per account. A batch that conflicts (an
/// operator closed a case meanwhile) is redone account by account through <see cref="ICaseSignals.ApplySnapshotAsync"/>,
/// which reads fresh and is idempotent. The entity's write-off register is read once too: items an earlier case
/// wrote off are taken out of each account before anything is signalled (<see cref="WriteOffFilter"/>), so a
/// ledger that still lists them never reopens dunning; the account record says how much it listed as written off.
/// </summary>
public sealed class SnapshotApplier
{
    private const int MaxBatch = 100;
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
        var batches = new List<(WriteOffResult[] Accounts, AccountRecord[] Records)>();
        var applied = new List<CustomerAccount>(accounts.Count);
        var done = 0;
        foreach (var group in accounts.GroupBy(a => a.Key.Entity, StringComparer.Ordinal))
        {
            var known = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
            await foreach (var record in _accounts.ListAsync(group.Key, cancellationToken))
            {
                known[record.CustomerId] = record;
            }

            var writtenOff = new Dictionary<string, List<WrittenOffItem>>(StringComparer.Ordinal);
            await foreach (var item in _writeOffs.ListAsync(group.Key, cancellationToken))
            {
                if (!writtenOff.TryGetValue(item.Account.CustomerId, out var list))
                {
                    writtenOff[item.Account.CustomerId] = list = [];
                }

                list.Add(item);
            }

            var todo = new List<(WriteOffResult Account, AccountRecord Record)>();
            foreach (var original in group)
            {
                var account = writtenOff.TryGetValue(original.Key.CustomerId, out var items) ? WriteOffFilter.Apply(original, items) : new WriteOffResult(original, []);
                applied.Add(account.Account);
                var record = known.GetValueOrDefault(original.Key.CustomerId) ?? new AccountRecord(original.Key.Entity, original.Key.CustomerId);
                if (string.Equals(record.LastSha256, source.Sha256, StringComparison.Ordinal))
                {
                    done++;
                }
                else
                {
                    todo.Add((account, record));
                }
            }

            // Small files still spread over the parallelism; large ones fill whole transactions.
            var size = Math.Clamp((todo.Count + _parallelism - 1) / _parallelism, 1, MaxBatch);
            batches.AddRange(todo.Chunk(size).Select(c => (c.Select(x => x.Account).ToArray(), c.Select(x => x.Record).ToArray())));
        }

        using var gate = new SemaphoreSlim(1, 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, options, async (batch, ct) =>
        {
            await ApplyBatchAsync(batch.Accounts, batch.Records, source, ct);
            var n = Interlocked.Add(ref done, batch.Accounts.Length);
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

        return new SnapshotApplyResult(done, applied);
    }

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
}
