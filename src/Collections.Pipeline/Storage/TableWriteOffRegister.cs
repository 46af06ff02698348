using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Storage.Entities;
using Collections.Pipeline.WriteOffs;

namespace Collections.Pipeline.Storage;

/// <summary>The write-off register in Azure Table storage (table <c>WriteOffs</c>, partition = entity).</summary>
public sealed class TableWriteOffRegister : IWriteOffRegister
{
    private const int MaxTransactionActions = 100;
    private readonly TableClient _table;

    /// <summary>Creates the register over a table (which must exist).</summary>
    public TableWriteOffRegister(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyList<WrittenOffItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);

        // Upserts in entity-group transactions (one partition per entity): a re-run writes the same rows again.
        foreach (var partition in items.Select(WriteOffEntity.From).GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Chunk(MaxTransactionActions))
            {
                await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WrittenOffItem> ListAsync(string entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(entity)}");
        await foreach (var row in _table.QueryAsync<WriteOffEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row.ToItem();
        }
    }
}
