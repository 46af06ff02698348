using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// Applies a validated snapshot's accounts. The account index is read once per entity (one partition query,
/// instead of a read per account that always misses on a new store) and written back in entity-group
/// transactions of up to 100 accounts; only signalling the cases is per account. A batch that conflicts (an
/// operator closed a case meanwhile) is redone account by account through <see cref="ICaseSignals.ApplySnapshotAsync"/>,
/// which reads fresh and is idempotent.
/// </summary>
public sealed class SnapshotApplier
{
    private const int MaxBatch = 100;
    private readonly IAccountStore _accounts;
    private readonly ICaseSignals _cases;
    private readonly int _parallelism;

    /// <summary>Creates the applier; <paramref name="parallelism"/> batches are in flight at once.</summary>
    public SnapshotApplier(IAccountStore accounts, ICaseSignals cases, int parallelism)
    {
        _accounts = accounts;
        _cases = cases;
        _parallelism = parallelism;
    }

    /// <summary>
    /// Applies every account; <paramref name="progress"/> gets the running count of accounts done after each batch
    /// (calls are serialised). Returns how many accounts were applied or found already applied.
    /// </summary>
    public async Task<int> ApplyAsync(IReadOnlyCollection<CustomerAccount> accounts, SnapshotSource source, Func<int, CancellationToken, Task> progress, CancellationToken cancellationToken)
    {
        var batches = new List<(CustomerAccount[] Accounts, AccountRecord[] Records)>();
        var done = 0;
        foreach (var group in accounts.GroupBy(a => a.Key.Entity, StringComparer.Ordinal))
        {
            var known = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
            await foreach (var record in _accounts.ListAsync(group.Key, cancellationToken))
            {
                known[record.CustomerId] = record;
            }

            var todo = new List<(CustomerAccount Account, AccountRecord Record)>();
            foreach (var account in group)
            {
                var record = known.GetValueOrDefault(account.Key.CustomerId) ?? new AccountRecord(account.Key.Entity, account.Key.CustomerId);
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

        return done;
    }

    private async Task ApplyBatchAsync(CustomerAccount[] accounts, AccountRecord[] records, SnapshotSource source, CancellationToken cancellationToken)
    {
        var next = new AccountRecord[accounts.Length];
        for (var i = 0; i < accounts.Length; i++)
        {
            next[i] = await _cases.SignalSnapshotAsync(accounts[i], records[i], source, cancellationToken);
        }

        try
        {
            await _accounts.SaveManyAsync(next, cancellationToken);
        }
        catch (CaseConcurrencyException)
        {
            foreach (var account in accounts)
            {
                await _cases.ApplySnapshotAsync(account, source, cancellationToken);
            }
        }
    }
}
