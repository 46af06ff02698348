using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Collections.Pipeline.Cases;
using Collections.Storage.Tables;

namespace Collections.Pipeline.Storage;

/// <summary>The account index in Azure Table storage: partition = entity, row = customer id (escaped).</summary>
public sealed class TableAccountStore : IAccountStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableAccountStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task<AccountRecord?> GetAsync(string entity, string customerId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync(TableKeys.Encode(entity), TableKeys.Encode(customerId), cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<AccountRecord> SaveAsync(AccountRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Encode(record.Entity), TableKeys.Encode(record.CustomerId))
        {
            ["Entity"] = record.Entity,
            ["CustomerId"] = record.CustomerId,
            ["ActiveCaseId"] = record.ActiveCaseId,
            ["HasActiveCase"] = record.ActiveCaseId is not null,
            ["Episode"] = record.Episode,
            ["LastSha256"] = record.LastSha256,
            ["LastAsOf"] = record.LastAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        Response response;
        try
        {
            response = record.ETag is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new CaseConcurrencyException($"{record.Entity}/{record.CustomerId}", ex);
        }

        // The write answers with the new ETag: no read-back needed.
        return response.Headers.ETag is { } etag ? record with { ETag = etag.ToString() } : (await GetAsync(record.Entity, record.CustomerId, cancellationToken))!;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AccountRecord> ListActiveAsync(string entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync(TableFilter.Create($"PartitionKey eq {TableKeys.Encode(entity)} and HasActiveCase eq {true}"), cancellationToken: cancellationToken))
        {
            yield return ToRecord(row);
        }
    }

    private static AccountRecord ToRecord(TableEntity row) => new(row.GetString("Entity")!, row.GetString("CustomerId")!)
    {
        ActiveCaseId = row.GetString("ActiveCaseId"),
        Episode = row.GetInt32("Episode") ?? 0,
        LastSha256 = row.GetString("LastSha256"),
        LastAsOf = row.GetString("LastAsOf") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ETag = row.ETag.ToString(),
    };
}
