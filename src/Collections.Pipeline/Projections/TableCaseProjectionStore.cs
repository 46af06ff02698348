using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Collections.Domain.Cases;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Projections;

/// <summary>
/// The case projection in Azure Table storage, one partition per case: the projection row, timeline rows
/// (<c>t|seq</c>) and outbox rows (<c>o|version|n</c>). An outbox row and the timeline row recording its
/// outcome change in one entity-group transaction.
/// </summary>
public sealed class TableCaseProjectionStore : ICaseProjectionStore
{
    private const int InlineStateChars = 30_000;
    private readonly TableClient _table;

    /// <summary>Creates the store over a table (which must exist).</summary>
    public TableCaseProjectionStore(TableClient table) => _table = table;

    /// <inheritdoc />
    public async Task SaveAsync(CaseState state, long firstSeq, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<OutboxEntry> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var entry in outbox)
        {
            try
            {
                await _table.AddEntityAsync(ToRow(entry), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Already added by an earlier run of the same activity: its status may have moved on since.
            }
        }

        var actions = timeline.Select((e, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToRow(state.CaseId, firstSeq + i, e))).ToList();
        var stored = await _table.GetEntityIfExistsAsync<CaseProjectionEntity>(state.CaseId, CaseProjectionEntity.Row, select: ["Version"], cancellationToken: cancellationToken);
        if (!stored.HasValue || stored.Value!.Version <= state.Version)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToRow(state)));
        }

        foreach (var chunk in actions.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<CaseState?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<CaseProjectionEntity>(caseId, CaseProjectionEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? ToState(response.Value!) : null;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CaseState> ListAsync(CaseListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var clauses = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {CaseProjectionEntity.Row}") };
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

        await foreach (var row in _table.QueryAsync<CaseProjectionEntity>(string.Join(" and ", clauses), cancellationToken: cancellationToken))
        {
            yield return ToState(row);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        await foreach (var row in _table.QueryAsync<TimelineRowEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"t|"} and RowKey lt {"t}"}"), cancellationToken: cancellationToken))
        {
            entries.Add(JsonSerializer.Deserialize<TimelineEntry>(row.Entry, CaseJson.Options)!);
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> GetOutboxAsync(string caseId, CancellationToken cancellationToken)
    {
        var list = new List<OutboxEntry>();
        await foreach (var row in _table.QueryAsync<OutboxRowEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {"o|"} and RowKey lt {"o}"}"), cancellationToken: cancellationToken))
        {
            list.Add(ToOutbox(row));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<OutboxEntry?> GetOutboxEntryAsync(string caseId, string outboxId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<OutboxRowEntity>(caseId, outboxId, cancellationToken: cancellationToken);
        return response.HasValue ? ToOutbox(response.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<OutboxEntry> UpdateOutboxAsync(OutboxEntry entry, long seq, TimelineEntry? timeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToRow(entry), entry.ETag is null ? ETag.All : new ETag(entry.ETag)),
        };
        if (timeline is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToRow(entry.CaseId, seq, timeline)));
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

    internal static string TimelineKey(long seq) => string.Create(CultureInfo.InvariantCulture, $"t|{seq:D10}");

    private static CaseProjectionEntity ToRow(CaseState state)
    {
        var json = JsonSerializer.Serialize(state, CaseJson.Options);
        var row = new CaseProjectionEntity
        {
            PartitionKey = state.CaseId,
            Entity = state.Account.Entity,
            CustomerId = state.Account.CustomerId,
            Stage = state.Stage.ToString(),
            Status = state.Status.ToString(),
            Grade = state.Contact?.Grade.ToString(),
            Version = state.Version,
            NextActionAt = state.Next?.At,
            ClosedAt = state.ClosedAt,
        };
        if (json.Length <= InlineStateChars)
        {
            row.State = json;
        }
        else
        {
            using var buffer = new MemoryStream();
            using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                brotli.Write(Encoding.UTF8.GetBytes(json));
            }

            row.StateBrotli = buffer.ToArray();
        }

        return row;
    }

    private static CaseState ToState(CaseProjectionEntity row)
    {
        if (row.State is { } json)
        {
            return JsonSerializer.Deserialize<CaseState>(json, CaseJson.Options)!;
        }

        using var brotli = new BrotliStream(new MemoryStream(row.StateBrotli ?? []), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<CaseState>(brotli, CaseJson.Options)!;
    }

    private static TimelineRowEntity ToRow(string caseId, long seq, TimelineEntry entry) => new()
    {
        PartitionKey = caseId,
        RowKey = TimelineKey(seq),
        At = entry.At,
        Type = entry.Type.ToString(),
        Entry = JsonSerializer.Serialize(entry, CaseJson.Options),
    };

    private static OutboxRowEntity ToRow(OutboxEntry entry) => new()
    {
        PartitionKey = entry.CaseId,
        RowKey = entry.Id,
        Kind = entry.Kind.ToString(),
        Status = entry.Status.ToString(),
        DueAt = entry.DueAt,
        Attempts = entry.Attempts,
        Entry = JsonSerializer.Serialize(entry with { ETag = null }, CaseJson.Options),
    };

    private static OutboxEntry ToOutbox(OutboxRowEntity row) =>
        JsonSerializer.Deserialize<OutboxEntry>(row.Entry, CaseJson.Options)! with { ETag = row.ETag.ToString() };
}
