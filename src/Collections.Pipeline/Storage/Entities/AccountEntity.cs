using System.Text.Json;
using Azure;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Storage.Entities;

/// <summary>An <c>Accounts</c> row: partition = entity and bucket (<see cref="AccountPartitions"/>), row = customer id (escaped by <see cref="TableKeys"/>).</summary>
internal sealed class AccountEntity : TableRow
{
    public string Entity { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public string? ActiveCaseId { get; set; }

    /// <summary>Whether <see cref="ActiveCaseId"/> is set: queryable (a filter cannot test for a missing property).</summary>
    public bool HasActiveCase { get; set; }

    public int Episode { get; set; }

    public string? LastSha256 { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? LastAsOf { get; set; }

    public int WrittenOffItems { get; set; }

    /// <summary>JSON object currency -> open amount written off, or null.</summary>
    public string? WrittenOffOpen { get; set; }

    public static AccountEntity From(AccountRecord r) => new()
    {
        PartitionKey = AccountPartitions.Of(r.Entity, r.CustomerId),
        RowKey = TableKeys.Encode(r.CustomerId),
        Entity = r.Entity,
        CustomerId = r.CustomerId,
        ActiveCaseId = r.ActiveCaseId,
        HasActiveCase = r.ActiveCaseId is not null,
        Episode = r.Episode,
        LastSha256 = r.LastSha256,
        LastAsOf = TableDates.Format(r.LastAsOf),
        WrittenOffItems = r.WrittenOffItems,
        WrittenOffOpen = r.WrittenOffOpen is { Count: > 0 } open ? JsonSerializer.Serialize(open) : null,
        ETag = r.ETag is null ? default : new ETag(r.ETag),
    };

    public AccountRecord ToRecord() => new(Entity, CustomerId)
    {
        ActiveCaseId = ActiveCaseId,
        Episode = Episode,
        LastSha256 = LastSha256,
        LastAsOf = TableDates.Parse(LastAsOf),
        WrittenOffItems = WrittenOffItems,
        WrittenOffOpen = WrittenOffOpen is null ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(WrittenOffOpen),
        ETag = ETag.ToString(),
    };
}
