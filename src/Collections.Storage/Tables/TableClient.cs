using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Collections.Storage.Pipeline;

namespace Collections.Storage.Tables;

/// <summary>Operations on one table: entities, queries and entity-group transactions.</summary>
public sealed partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly StorageServiceContext _context;

    internal TableClient(StorageServiceContext context, string name)
    {
        if (!TableNameRegex().IsMatch(name ?? string.Empty))
        {
            throw new ArgumentException($"Table name '{name}' must be 3 to 63 letters and digits, starting with a letter.", nameof(name));
        }

        _context = context;
        Name = name!;
        UriString = context.Endpoint + "/" + name;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The table URL.</summary>
    public Uri Uri => new(UriString);

    internal string UriString { get; }

    internal static string EntityUri(string tableUri, string partitionKey, string rowKey) =>
        $"{tableUri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    /// <summary>Creates the table unless it exists. Returns <see langword="true"/> when it was created.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, _context.Endpoint + "/Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(StringComparer.Ordinal) { ["TableName"] = Name }));
        var response = await _context.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
        return response.Status is 201 or 204;
    }

    /// <summary>Deletes the table.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, _context.Endpoint + "/Tables('" + Name + "')");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts an entity; 409 <c>EntityAlreadyExists</c> if it exists. Not retried (the first try may have landed).</summary>
    public async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        using var message = CreateMessage(RequestMethod.Post, UriString);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message, TableEntityJson.Serialize(entity));
        StorageRetryPolicy.MarkNonRetriable(message);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts or merges/replaces an entity, whatever its current state.</summary>
    public async Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        using var message = CreateMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, EntityUri(UriString, entity.PartitionKey, entity.RowKey));
        SetJson(message, TableEntityJson.Serialize(entity));
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any
    /// version). A stale ETag gives 412 <c>UpdateConditionNotSatisfied</c>; a specific ETag is never retried.
    /// </summary>
    public async Task<Response> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        using var message = CreateMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, EntityUri(UriString, entity.PartitionKey, entity.RowKey));
        SetIfMatch(message, ifMatch);
        SetJson(message, TableEntityJson.Serialize(entity));
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an entity if its ETag matches (<see langword="default"/> or <see cref="ETag.All"/>: any version).</summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        using var message = CreateMessage(RequestMethod.Delete, EntityUri(UriString, partitionKey, rowKey));
        SetIfMatch(message, ifMatch);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; throws <see cref="RequestFailedException"/> 404 <c>ResourceNotFound</c> when it does not exist.</summary>
    public async Task<Response<TableEntity>> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var response = await GetEntityIfExistsAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            throw await StorageServiceContext.CreateExceptionAsync(response.GetRawResponse(), cancellationToken).ConfigureAwait(false);
        }

        return Response.FromValue(response.Value!, response.GetRawResponse());
    }

    /// <summary>Reads one entity; <see cref="NullableResponse{T}.HasValue"/> is false when it does not exist.</summary>
    public async Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        var selectText = select is null ? null : string.Join(',', select);
        using var message = CreateMessage(RequestMethod.Get, EntityUri(UriString, partitionKey, rowKey) + StorageUri.Query(("$select", selectText)));
        var response = await _context.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return new NoValueResponse<TableEntity>(response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var etag = response.Headers.TryGetValue("ETag", out var e) ? e : null;
        return Response.FromValue(TableEntityJson.Deserialize(json.RootElement, etag), response);
    }

    /// <summary>
    /// Queries entities page by page, following <c>x-ms-continuation-NextPartitionKey/NextRowKey</c>. Build
    /// <paramref name="filter"/> with <see cref="TableFilter.Create"/>. <paramref name="maxPerPage"/> is sent as
    /// <c>$top</c> (the service returns at most 1,000 per page).
    /// </summary>
    public AsyncPageable<TableEntity> QueryAsync(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var selectText = select is null ? null : string.Join(',', select);
        return new StoragePageable<TableEntity>((token, pageSize, ct) => QueryPageAsync(filter, pageSize ?? maxPerPage, selectText, token, ct), cancellationToken);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(string? filter, int? top, string? select, string? continuation, CancellationToken cancellationToken)
    {
        string? nextPk = null;
        string? nextRk = null;
        if (continuation is not null)
        {
            var parts = continuation.Split(' ');
            nextPk = Uri.UnescapeDataString(parts[0]);
            nextRk = parts.Length > 1 && parts[1].Length > 0 ? Uri.UnescapeDataString(parts[1]) : null;
        }

        var query = StorageUri.Query(
            ("$filter", filter),
            ("$select", select),
            ("$top", top?.ToString(CultureInfo.InvariantCulture)),
            ("NextPartitionKey", nextPk),
            ("NextRowKey", nextRk));
        using var message = CreateMessage(RequestMethod.Get, UriString + "()" + query);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entities = json.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntityJson.Deserialize(e)).ToList();

        // ResponseHeaders look names up case-insensitively: Azurite sends these lowercase.
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var pk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rk);
        var token = string.IsNullOrEmpty(pk) ? null : Uri.EscapeDataString(pk) + " " + Uri.EscapeDataString(rk ?? string.Empty);
        return Page<TableEntity>.FromValues(entities, token, response);
    }

    /// <summary>
    /// Submits up to 100 actions on one partition (body at most 4 MiB) as one entity-group transaction: all apply or
    /// none do. A rejected transaction throws <see cref="TableTransactionFailedException"/> with the failing index.
    /// Transactions containing inserts or ETag-conditional actions are not retried.
    /// </summary>
    public async Task<Response<IReadOnlyList<TableTransactionResult>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        ValidateTransaction(list);
        var id = Guid.NewGuid().ToString("D");
        var batchBoundary = "batch_" + id;
        var body = TableBatch.BuildBody(UriString, list, batchBoundary, "changeset_" + Guid.NewGuid().ToString("D"));
        if (body.Length > TableLimits.MaxTransactionBytes)
        {
            throw new ArgumentException($"The transaction body is {body.Length} bytes; the limit is {TableLimits.MaxTransactionBytes} (4 MiB).", nameof(actions));
        }

        using var message = CreateMessage(RequestMethod.Post, _context.Endpoint + "/$batch");
        message.Request.Headers.SetValue("Content-Type", "multipart/mixed; boundary=" + batchBoundary);
        message.Request.Content = RequestContent.Create(body);
        if (list.Exists(TableBatch.IsConditional))
        {
            StorageRetryPolicy.MarkNonRetriable(message);
        }

        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var results = TableBatch.ParseResponse(response.Content.ToString(), list.Count);
        return Response.FromValue(results, response);
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > TableLimits.MaxTransactionOperations)
        {
            throw new ArgumentException($"A transaction holds at most {TableLimits.MaxTransactionOperations} actions; this one has {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity ?? throw new ArgumentException($"Action {i} has no entity.", nameof(actions));
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"All actions of a transaction must share one PartitionKey; action {i} differs from action 0.", nameof(actions));
            }

            if (!rows.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} touches the same entity as an earlier action; a transaction may touch each entity once.", nameof(actions));
            }

            if (actions[i].ActionType == TableTransactionActionType.Delete)
            {
                TableLimits.ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
                TableLimits.ValidateKey(entity.RowKey, nameof(entity.RowKey));
            }
            else
            {
                TableLimits.ValidateEntity(entity);
            }
        }
    }

    private HttpMessage CreateMessage(RequestMethod method, string uri)
    {
        var message = _context.CreateMessage(method, uri);
        var headers = message.Request.Headers;
        headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJson(HttpMessage message, byte[] body)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(body);
    }

    /// <summary>The <c>If-Match</c> value for <paramref name="ifMatch"/>: <see langword="default"/> means any version (<c>*</c>).</summary>
    internal static string IfMatchValue(ETag ifMatch) => ifMatch == default ? "*" : ifMatch.ToString();

    /// <summary>
    /// Whether <paramref name="ifMatch"/> names one version: such a write is not retried, since a first try that
    /// landed would make the retry fail with 412.
    /// </summary>
    internal static bool IsSpecificETag(ETag ifMatch) => !string.Equals(IfMatchValue(ifMatch), "*", StringComparison.Ordinal);

    private static void SetIfMatch(HttpMessage message, ETag ifMatch)
    {
        message.Request.Headers.SetValue("If-Match", IfMatchValue(ifMatch));
        if (IsSpecificETag(ifMatch))
        {
            StorageRetryPolicy.MarkNonRetriable(message);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNameRegex();
}
