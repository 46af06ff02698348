using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Storage.Entities;

namespace Collections.Pipeline.Storage;

/// <summary>
/// The account index in Azure Table storage: partition = entity and a bucket of the customer id
/// (<see cref="AccountPartitions"/>), row = customer id (escaped). A row still in its entity's partition of
/// before the buckets is moved into its bucket when it is read (point read or list), so every record handed out
/// carries the ETag of its row in the bucket: the move inserts it there, then deletes the old row (a crash in
/// between leaves both; the next read keeps the bucket's and deletes the old one).
/// </summary>
public sealed class TableAccountStore : IAccountStore
{
    private const int MaxTransactionActions = 100;
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableAccountStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task<AccountRecord?> GetAsync(string entity, string customerId, CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.Encode(customerId);
        var response = await _table.GetEntityIfExistsAsync<AccountEntity>(AccountPartitions.Of(entity, customerId), rowKey, cancellationToken: cancellationToken);
        if (response.HasValue)
        {
            return response.Value!.ToRecord();
        }

        var legacy = await _table.GetEntityIfExistsAsync<AccountEntity>(AccountPartitions.Legacy(entity), rowKey, cancellationToken: cancellationToken);
        return legacy.HasValue ? await MoveAsync(legacy.Value!, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<AccountRecord> SaveAsync(AccountRecord record, CancellationToken cancellationToken)
    {
        var entity = AccountEntity.From(record);
        Response response;
        try
        {
            response = record.ETag is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new CaseConcurrencyException($"{record.Entity}/{record.CustomerId}", ex);
        }

        // The write answers with the new ETag: no read-back needed.
        return record with { ETag = response.Headers.ETag?.ToString() };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccountRecord>> SaveManyAsync(IReadOnlyList<AccountRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var partition = AccountPartitions.Of(records[0].Entity, records[0].CustomerId);
        if (records.Count > MaxTransactionActions || records.Any(r => !string.Equals(AccountPartitions.Of(r.Entity, r.CustomerId), partition, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"One transaction takes at most {MaxTransactionActions} accounts of one partition (see {nameof(TransactionGroupOf)}).", nameof(records));
        }

        var actions = records.Select(r => r.ETag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, AccountEntity.From(r))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, AccountEntity.From(r), new ETag(r.ETag)));
        try
        {
            var responses = (await _table.SubmitTransactionAsync(actions, cancellationToken)).Value;
            return [.. records.Select((r, i) => r with { ETag = responses[i].Headers.ETag?.ToString() })];
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            var failed = ex.FailedTransactionActionIndex is { } i && i < records.Count ? records[i] : records[0];
            throw new CaseConcurrencyException($"{failed.Entity}/{failed.CustomerId}", ex);
        }
    }

    /// <inheritdoc />
    public string TransactionGroupOf(string entity, string customerId) => AccountPartitions.Of(entity, customerId);

    /// <inheritdoc />
    public IAsyncEnumerable<AccountRecord> ListAsync(string entity, CancellationToken cancellationToken) =>
        ListAsync(entity, activeOnly: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<AccountRecord> ListActiveAsync(string entity, CancellationToken cancellationToken) =>
        ListAsync(entity, activeOnly: true, cancellationToken);

    private async IAsyncEnumerable<AccountRecord> ListAsync(string entity, bool activeOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, last) = AccountPartitions.RangeOf(entity);
        var filter = activeOnly
            ? TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last} and HasActiveCase eq {true}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<AccountEntity>(filter, cancellationToken: cancellationToken))
        {
            seen.Add(row.CustomerId);
            yield return row.ToRecord();
        }

        // Rows of before the buckets: each moved into its bucket (or dropped, when the bucket has it already).
        var legacy = TableClient.CreateQueryFilter($"PartitionKey eq {AccountPartitions.Legacy(entity)}");
        await foreach (var row in _table.QueryAsync<AccountEntity>(legacy, cancellationToken: cancellationToken))
        {
            var moved = await MoveAsync(row, cancellationToken);
            if (!seen.Contains(moved.CustomerId) && (!activeOnly || moved.ActiveCaseId is not null))
            {
                yield return moved;
            }
        }
    }

    // Moves a row of before the buckets into its bucket and returns it as stored there. When the bucket already
    // has the account (an interrupted move, or another reader's), that row is the account and the old one is dropped.
    private async Task<AccountRecord> MoveAsync(AccountEntity legacy, CancellationToken cancellationToken)
    {
        var record = legacy.ToRecord() with { ETag = null };
        AccountRecord moved;
        try
        {
            var response = await _table.AddEntityAsync(AccountEntity.From(record), cancellationToken);
            moved = record with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var current = await _table.GetEntityAsync<AccountEntity>(AccountPartitions.Of(record.Entity, record.CustomerId), legacy.RowKey, cancellationToken: cancellationToken);
            moved = current.Value.ToRecord();
        }

        try
        {
            await _table.DeleteEntityAsync(legacy.PartitionKey, legacy.RowKey, legacy.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Deleted by another reader's move, or written since by a host of before the buckets: left as it is.
        }

        return moved;
    }
}
