using System.Globalization;
using System.Runtime.CompilerServices;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Storage;

namespace Collections.Pipeline.InMemory;

/// <summary>The account index in memory, with ETag semantics (simulation and unit tests).</summary>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), AccountRecord> _records = [];
    private long _etag;

    /// <inheritdoc />
    public Task<AccountRecord?> GetAsync(string entity, string customerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue((entity, customerId), out var r) ? r : null);
        }
    }

    /// <inheritdoc />
    public Task<AccountRecord> SaveAsync(AccountRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var exists = _records.TryGetValue((record.Entity, record.CustomerId), out var current);
            if (record.ETag is null ? exists : !exists || !string.Equals(current!.ETag, record.ETag, StringComparison.Ordinal))
            {
                throw new CaseConcurrencyException($"{record.Entity}/{record.CustomerId}");
            }

            var saved = record with { ETag = (++_etag).ToString(CultureInfo.InvariantCulture) };
            _records[(record.Entity, record.CustomerId)] = saved;
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc />
    public string TransactionGroupOf(string entity, string customerId) => AccountPartitions.Of(entity, customerId);

    /// <inheritdoc />
    public Task<IReadOnlyList<AccountRecord>> SaveManyAsync(IReadOnlyList<AccountRecord> records, CancellationToken cancellationToken)
    {
        // The table store's rule, so tests of callers meet it here too.
        if (records.Count > 100 || records.Select(r => TransactionGroupOf(r.Entity, r.CustomerId)).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("One transaction takes at most 100 accounts of one transaction group.", nameof(records));
        }

        lock (_gate)
        {
            foreach (var record in records)
            {
                var exists = _records.TryGetValue((record.Entity, record.CustomerId), out var current);
                if (record.ETag is null ? exists : !exists || !string.Equals(current!.ETag, record.ETag, StringComparison.Ordinal))
                {
                    throw new CaseConcurrencyException($"{record.Entity}/{record.CustomerId}");
                }
            }

            var saved = new List<AccountRecord>(records.Count);
            foreach (var record in records)
            {
                var s = record with { ETag = (++_etag).ToString(CultureInfo.InvariantCulture) };
                _records[(record.Entity, record.CustomerId)] = s;
                saved.Add(s);
            }

            return Task.FromResult<IReadOnlyList<AccountRecord>>(saved);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AccountRecord> ListAsync(string entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<AccountRecord> list;
        lock (_gate)
        {
            list = [.. _records.Values.Where(r => string.Equals(r.Entity, entity, StringComparison.Ordinal))];
        }

        foreach (var r in list)
        {
            yield return r;
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AccountRecord> ListActiveAsync(string entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<AccountRecord> list;
        lock (_gate)
        {
            list = [.. _records.Values.Where(r => string.Equals(r.Entity, entity, StringComparison.Ordinal) && r.ActiveCaseId is not null)];
        }

        foreach (var r in list)
        {
            yield return r;
        }

        await Task.CompletedTask;
    }
}
