using Azure;
using Azure.Data.Tables;

namespace Collections.Pipeline.Storage.Entities;

/// <summary>The four system properties every typed table row carries.</summary>
internal abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
