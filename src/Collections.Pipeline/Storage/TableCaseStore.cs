using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Collections.Domain.Cases;
using Collections.Pipeline.Cases;
using Azure.Data.Tables;

namespace Collections.Pipeline.Storage;

/// <summary>
/// Cases in Azure Table storage, one partition per case: the state row (<c>state</c>), timeline rows
/// (<c>t|version|n</c>) and outbox rows (<c>o|version|n</c>). A transition is one entity-group
/// transaction conditioned on the state row's ETag.
/// </summary>
public sealed class TableCaseStore : ICaseStore
{
    private const string StateRow = "state";
    private const int TimelineRowChars = 300_000;
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableCaseStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task<StoredCase?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(caseId, StateRow, cancellationToken: cancellationToken);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<string> CommitAsync(CaseCommit commit, CancellationToken cancellationToken)
    {
        var state = commit.State;
        var stateEntity = StateEntity(state);
        var actions = new List<TableTransactionAction>
        {
            commit.ExpectedETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, stateEntity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateEntity, new ETag(commit.ExpectedETag)),
        };
        actions.AddRange(TimelineEntities(state.CaseId, state.Version, "", commit.Timeline).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        actions.AddRange(commit.Outbox.Select(o => new TableTransactionAction(TableTransactionActionType.Add, OutboxEntity(o))));
        try
        {
            var result = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return result.Value[0].Headers.ETag?.ToString() ?? "";
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is 0 or null && ex.Status is 409 or 412)
        {
            throw new CaseConcurrencyException(state.CaseId, ex);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"t|"} and RowKey lt {"t}"}"), cancellationToken: cancellationToken))
        {
            entries.AddRange(JsonSerializer.Deserialize<List<TimelineEntry>>(ChunkedJson.Read(row), CaseJson.Options) ?? []);
        }

        return [.. entries.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(string caseId, CancellationToken cancellationToken)
    {
        var list = new List<OutboxEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"o|"} and RowKey lt {"o}"}"), cancellationToken: cancellationToken))
        {
            list.Add(ToOutbox(row));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<OutboxEntry?> GetOutboxEntryAsync(string caseId, string outboxId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(caseId, outboxId, cancellationToken: cancellationToken);
        return response.HasValue ? ToOutbox(response.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<OutboxEntry> UpdateOutboxAsync(OutboxEntry entry, TimelineEntry? timeline, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, OutboxEntity(entry), entry.ETag is null ? ETag.All : new ETag(entry.ETag)),
        };
        if (timeline is not null)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $"n{entry.Id[^2..]}-{entry.Attempts:D3}-{entry.Status}-");
            actions.AddRange(TimelineEntities(entry.CaseId, entry.CreatedAtVersion, suffix, [timeline]).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
        }

        try
        {
            var result = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return entry with { ETag = result.Value[0].Headers.ETag?.ToString() };
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is 0 or null && ex.Status is 404 or 412)
        {
            throw new CaseConcurrencyException(entry.CaseId, ex);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredCase> ListAsync(CaseListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {StateRow}") };
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        }

        if (filter.Entity is { } entity)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Entity eq {entity}"));
        }

        if (filter.NextActionFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"NextActionAt ge {from}"));
        }

        if (filter.NextActionBefore is { } before)
        {
            clauses.Add(TableClient.CreateQueryFilter($"NextActionAt lt {before}"));
        }

        if (filter.ClosedBefore is { } closed)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ClosedAt lt {closed}"));
        }

        await foreach (var row in _table.QueryAsync<TableEntity>(string.Join(" and ", clauses), cancellationToken: cancellationToken))
        {
            yield return ToStored(row);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<OutboxEntry> ListUnfinishedOutboxAsync(DateTimeOffset dueBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"o|"} and RowKey lt {"o}"} and (Status eq {nameof(OutboxStatus.Pending)} or Status eq {nameof(OutboxStatus.Sending)}) and DueAt lt {dueBefore}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToOutbox(row);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string caseId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        foreach (var chunk in keys.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(caseId, k), ETag.All)), cancellationToken);
        }
    }

    private static TableEntity StateEntity(CaseState state)
    {
        var entity = new TableEntity(state.CaseId, StateRow)
        {
            ["Entity"] = state.Account.Entity,
            ["CustomerId"] = state.Account.CustomerId,
            ["CustomerName"] = state.CustomerName,
            ["Stage"] = state.Stage.ToString(),
            ["Status"] = state.Status.ToString(),
            ["Grade"] = state.Contact?.Grade.ToString(),
            ["Version"] = state.Version,
            ["NextActionAt"] = state.Next?.At,
            ["ClosedAt"] = state.ClosedAt,
        };
        ChunkedJson.Write(entity, JsonSerializer.Serialize(state, CaseJson.Options));
        return entity;
    }

    private static IEnumerable<TableEntity> TimelineEntities(string caseId, long version, string suffix, IReadOnlyList<TimelineEntry> entries)
    {
        var batch = new List<string>();
        var size = 0;
        var index = 0;
        foreach (var json in entries.Select(e => JsonSerializer.Serialize(e, CaseJson.Options)))
        {
            if (batch.Count > 0 && size + json.Length > TimelineRowChars)
            {
                yield return Row(batch, index++);
                batch.Clear();
                size = 0;
            }

            batch.Add(json);
            size += json.Length + 1;
        }

        if (batch.Count > 0)
        {
            yield return Row(batch, index);
        }

        TableEntity Row(List<string> items, int n)
        {
            var entity = new TableEntity(caseId, string.Create(CultureInfo.InvariantCulture, $"t|{version:D12}|{suffix}{n:D3}"))
            {
                ["Count"] = items.Count,
            };
            ChunkedJson.Write(entity, "[" + string.Join(",", items) + "]");
            return entity;
        }
    }

    private static TableEntity OutboxEntity(OutboxEntry entry)
    {
        var entity = new TableEntity(entry.CaseId, entry.Id)
        {
            ["Status"] = entry.Status.ToString(),
            ["Kind"] = entry.Kind.ToString(),
            ["DueAt"] = entry.DueAt,
            ["Attempts"] = entry.Attempts,
        };
        ChunkedJson.Write(entity, JsonSerializer.Serialize(entry with { ETag = null }, CaseJson.Options));
        return entity;
    }

    private static StoredCase ToStored(TableEntity row) =>
        new(JsonSerializer.Deserialize<CaseState>(ChunkedJson.Read(row), CaseJson.Options)!, row.ETag.ToString());

    private static OutboxEntry ToOutbox(TableEntity row) =>
        JsonSerializer.Deserialize<OutboxEntry>(ChunkedJson.Read(row), CaseJson.Options)! with { ETag = row.ETag.ToString() };
}
