using System.Text.Json;
using Azure;
using Collections.Pipeline.Cases;
using Collections.Pipeline.LedgerFiles;
using Collections.Storage.Tables;

namespace Collections.Pipeline.Storage;

/// <summary>
/// <c>LedgerFiles</c> in table storage: partition <c>file</c> holds one row per file (newest first by id);
/// partition <c>sha</c> indexes applied files by content for duplicate detection.
/// </summary>
public sealed class TableLedgerFileStore : ILedgerFileStore
{
    private const string FilePartition = "file";
    private const string ShaPartition = "sha";
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableLedgerFileStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task<LedgerFileRecord> SaveAsync(LedgerFileRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(FilePartition, record.Id)
        {
            ["FileName"] = record.FileName,
            ["Status"] = record.Status.ToString(),
            ["ReceivedAt"] = record.ReceivedAt,
            ["Sha256"] = record.Sha256,
        };
        ChunkedJson.Write(entity, JsonSerializer.Serialize(record with { ETag = null }, CaseJson.Options));
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
            await _table.UpsertEntityAsync(new TableEntity(ShaPartition, sha) { ["FileId"] = record.Id }, TableUpdateMode.Replace, cancellationToken);
        }

        // The write answers with the new ETag: no read-back needed.
        return response.Headers.ETag is { } etag ? record with { ETag = etag.ToString() } : (await GetAsync(record.Id, cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<LedgerFileRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync(FilePartition, id, cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<LedgerFileRecord?> FindAppliedBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync(ShaPartition, sha256, cancellationToken: cancellationToken);
        return index.HasValue && index.Value!.GetString("FileId") is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<LedgerFileRecord> Items, string? Continuation)> ListAsync(int take, string? continuation, CancellationToken cancellationToken)
    {
        await foreach (var page in _table.QueryAsync(TableFilter.Create($"PartitionKey eq {FilePartition}"), maxPerPage: take, cancellationToken: cancellationToken).AsPages(continuation, take))
        {
            return ([.. page.Values.Select(ToRecord)], page.ContinuationToken);
        }

        return ([], null);
    }

    private static LedgerFileRecord ToRecord(TableEntity row) =>
        JsonSerializer.Deserialize<LedgerFileRecord>(ChunkedJson.Read(row), CaseJson.Options)! with { ETag = row.ETag.ToString() };
}
