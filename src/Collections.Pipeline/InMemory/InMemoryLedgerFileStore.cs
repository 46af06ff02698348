using System.Globalization;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;

namespace Collections.Pipeline.InMemory;

/// <summary>Ledger file records in memory (simulation and tests).</summary>
public sealed class InMemoryLedgerFileStore : ILedgerFileStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, LedgerFileRecord> _records = new(StringComparer.Ordinal);
    private long _etag;

    /// <inheritdoc />
    public Task<LedgerFileRecord> SaveAsync(LedgerFileRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (record.ETag is not null && (!_records.TryGetValue(record.Id, out var current) || !string.Equals(current.ETag, record.ETag, StringComparison.Ordinal)))
            {
                throw new CaseConcurrencyException("ledger file " + record.Id);
            }

            var saved = record with { ETag = (++_etag).ToString(CultureInfo.InvariantCulture) };
            _records[record.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc />
    public Task<LedgerFileRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<LedgerFileRecord?> FindAppliedBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.Values.FirstOrDefault(r => r.Status == LedgerFileStatus.Applied && string.Equals(r.Sha256, sha256, StringComparison.Ordinal)));
        }
    }

    /// <inheritdoc />
    public Task<(IReadOnlyList<LedgerFileRecord> Items, string? Continuation)> ListAsync(int take, string? continuation, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var page = _records.Values.Where(r => continuation is null || string.CompareOrdinal(r.Id, continuation) >= 0).Take(take + 1).ToList();
            IReadOnlyList<LedgerFileRecord> items = page.Take(take).ToList();
            return Task.FromResult((items, page.Count > take ? page[^1].Id : null));
        }
    }
}
