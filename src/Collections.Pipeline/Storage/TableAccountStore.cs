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
/// between leaves both; the next read keeps the bucket's and deletes the old one). The move is one way: a host of
/// before the buckets no longer sees a moved account (docs/deploy.md: no rollback across this change).
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
        if (await ReadAsync(AccountPartitions.Of(entity, customerId), entity, customerId, cancellationToken) is { } current)
        {
            return current.ToRecord();
        }

        if (await ReadAsync(AccountPartitions.Legacy(entity), entity, customerId, cancellationToken) is { } legacy)
        {
            return await MoveAsync(legacy, cancellationToken);
        }

        // Another reader may have moved it between the two reads (it inserts into the bucket before deleting).
        return (await ReadAsync(AccountPartitions.Of(entity, customerId), entity, customerId, cancellationToken))?.ToRecord();
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
        // Rows of before the buckets first, each moved into its bucket: a row another reader moves meanwhile is
        // in its bucket before it leaves the old partition, so the range query below sees it.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var legacy = TableClient.CreateQueryFilter($"PartitionKey eq {AccountPartitions.Legacy(entity)} and Entity eq {entity}");
        await foreach (var row in _table.QueryAsync<AccountEntity>(legacy, cancellationToken: cancellationToken))
        {
            var moved = await MoveAsync(row, cancellationToken);
            seen.Add(moved.CustomerId);
            if (!activeOnly || moved.ActiveCaseId is not null)
            {
                yield return moved;
            }
        }

        // The entity check keeps out an entity named like one of this entity's partitions (see AccountPartitions).
        var (first, last) = AccountPartitions.RangeOf(entity);
        var filter = activeOnly
            ? TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last} and Entity eq {entity} and HasActiveCase eq {true}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last} and Entity eq {entity}");
        await foreach (var row in _table.QueryAsync<AccountEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!seen.Contains(row.CustomerId))
            {
                yield return row.ToRecord();
            }
        }
    }

    // The account's row in a partition, when that row is this entity's (see AccountPartitions on look-alike names).
    private async Task<AccountEntity?> ReadAsync(string partition, string entity, string customerId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<AccountEntity>(partition, TableKeys.Encode(customerId), cancellationToken: cancellationToken);
        return response.HasValue && string.Equals(response.Value!.Entity, entity, StringComparison.Ordinal) ? response.Value : null;
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
            moved = (await ReadAsync(AccountPartitions.Of(record.Entity, record.CustomerId), record.Entity, record.CustomerId, cancellationToken))?.ToRecord()
                ?? throw new InvalidOperationException(
                    $"The account index key of {record.Entity}/{record.CustomerId} is taken by another entity's row (an entity named like its partition, see AccountPartitions); rename one of the entities.", ex);
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
