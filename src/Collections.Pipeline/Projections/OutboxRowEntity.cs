using Azure;
using Azure.Data.Tables;

namespace Collections.Pipeline.Projections;

/// <summary>One outbox row (<c>PartitionKey</c> = case id, <c>RowKey</c> = the outbox id, <c>o|version|n</c>).</summary>
public sealed class OutboxRowEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The notice kind.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The lifecycle status.</summary>
    public string Status { get; set; } = "";

    /// <summary>When it is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Send attempts.</summary>
    public int Attempts { get; set; }

    /// <summary>The row as JSON.</summary>
    public string Entry { get; set; } = "";
}
