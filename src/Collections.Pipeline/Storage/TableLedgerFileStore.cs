using Azure;
using Azure.Data.Tables;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Storage.Entities;

namespace Collections.Pipeline.Storage;

/// <summary>
/// <c>LedgerFiles</c> in table storage: partition <c>file</c> holds one row per file (newest first by id);
/// partition <c>sha</c> indexes applied files by content for duplicate detection.
/// </summary>
public sealed class TableLedgerFileStore : ILedgerFileStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableLedgerFileStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task<LedgerFileRecord> SaveAsync(LedgerFileRecord record, CancellationToken cancellationToken)
    {
        var entity = LedgerFileEntity.From(record);
        Response response;
        try
        {
            response = record.ETag is null
                ? await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new CaseConcurrencyException("ledger file " + record.Id, ex);
        }

        if (record is { Status: LedgerFileStatus.Applied, Sha256: { } sha })
        {
            await _table.UpsertEntityAsync(new LedgerShaEntity { RowKey = sha, FileId = record.Id }, TableUpdateMode.Replace, cancellationToken);
        }

        // The write answers with the new ETag: no read-back needed.
        return record with { ETag = response.Headers.ETag?.ToString() };
    }

    /// <inheritdoc />
    public async Task<LedgerFileRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<LedgerFileEntity>(LedgerFileEntity.Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToRecord() : null;
    }

    /// <inheritdoc />
    public async Task<LedgerFileRecord?> FindAppliedBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<LedgerShaEntity>(LedgerShaEntity.Partition, sha256, cancellationToken: cancellationToken);
        return index.HasValue ? await GetAsync(index.Value!.FileId, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<LedgerFileRecord> Items, string? Continuation)> ListAsync(int take, string? continuation, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LedgerFileEntity.Partition}");
        await foreach (var page in _table.QueryAsync<LedgerFileEntity>(filter, take, cancellationToken: cancellationToken).AsPages(continuation, take))
        {
            return ([.. page.Values.Select(e => e.ToRecord())], page.ContinuationToken);
        }

        return ([], null);
    }
}
