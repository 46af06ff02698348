using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Collections.Pipeline.Archive;

/// <summary>The archive index table: one row per case id, claimed before its blob is written and committed after.</summary>
internal sealed class ArchiveIndex(TableClient table)
{
    public async Task<ArchiveIndexEntity?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<ArchiveIndexEntity>(caseId, ArchiveIndexEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Claims a case for a run: adds its row, or replaces a stale claim whose ETag is still <paramref name="stale"/>.
    /// Returns the claim with its ETag, or null when another run got there first.
    /// </summary>
    public async Task<ArchiveIndexEntity?> ClaimAsync(ArchiveIndexEntity row, ETag? stale, CancellationToken cancellationToken)
    {
        try
        {
            var response = stale is { } etag
                ? await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken)
                : await table.AddEntityAsync(row, cancellationToken);
            row.ETag = response.Headers.ETag ?? default;
            return row;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Marks a claimed row committed; false when the claim was taken over meanwhile.</summary>
    public async Task<bool> CommitAsync(ArchiveIndexEntity row, CancellationToken cancellationToken)
    {
        row.Committed = true;
        try
        {
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>The committed rows matching a query, in case id order (the table's partition key order).</summary>
    public async IAsyncEnumerable<ArchiveIndexEntity> QueryAsync(ArchiveQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {ArchiveIndexEntity.Row} and Committed eq {true}") };
        if (query.Entity is { } entity)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Entity eq {entity}"));
        }

        if (query.Stage is { } stage)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Stage eq {stage}"));
        }

        if (query.AfterCaseId is { } after)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey gt {after}"));
        }

        if (query.ClosedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ClosedAt ge {from}"));
        }

        if (query.ClosedBefore is { } before)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ClosedAt lt {before}"));
        }

        await foreach (var row in table.QueryAsync<ArchiveIndexEntity>(string.Join(" and ", clauses), query.RowsPerRequest, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }
}
