using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Storage.Entities;

namespace Collections.Pipeline.Storage;

/// <summary>The account index in Azure Table storage: partition = entity, row = customer id (escaped).</summary>
public sealed class TableAccountStore : IAccountStore
{
    private const int MaxTransactionActions = 100;
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableAccountStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task<AccountRecord?> GetAsync(string entity, string customerId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<AccountEntity>(TableKeys.Encode(entity), TableKeys.Encode(customerId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToRecord() : null;
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

        if (records.Count > MaxTransactionActions || records.Any(r => !string.Equals(r.Entity, records[0].Entity, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"One transaction takes at most {MaxTransactionActions} accounts of one entity.", nameof(records));
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
    public async IAsyncEnumerable<AccountRecord> ListAsync(string entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<AccountEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(entity)}"), cancellationToken: cancellationToken))
        {
            yield return row.ToRecord();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AccountRecord> ListActiveAsync(string entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(entity)} and HasActiveCase eq {true}");
        await foreach (var row in _table.QueryAsync<AccountEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row.ToRecord();
        }
    }
}
