using Azure;
using Azure.Data.Tables;

namespace Collections.Pipeline.Projections;

/// <summary>One timeline entry (<c>PartitionKey</c> = case id, <c>RowKey</c> = <c>t|</c> and its sequence number).</summary>
public sealed class TimelineRowEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The entry type.</summary>
    public string Type { get; set; } = "";

    /// <summary>The entry as JSON.</summary>
    public string Entry { get; set; } = "";
}
