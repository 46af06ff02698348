using Azure;
using Azure.Data.Tables;

namespace Collections.Pipeline.Storage.Entities;

/// <summary>A <c>LedgerFiles</c> row of partition <c>sha</c>: content hash of an applied file -> its file id (duplicate detection).</summary>
internal sealed class LedgerShaEntity : ITableEntity
{
    public const string Partition = "sha";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string FileId { get; set; } = "";
}
