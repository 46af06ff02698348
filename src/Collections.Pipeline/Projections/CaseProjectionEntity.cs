using Azure;
using Azure.Data.Tables;

namespace Collections.Pipeline.Projections;

/// <summary>
/// The projection row of a case (<c>PartitionKey</c> = case id, <c>RowKey</c> = <c>case</c>): the columns the
/// API filters on, and the whole state as JSON (Brotli-compressed into <see cref="StateBrotli"/> when it
/// outgrows one string property).
/// </summary>
public sealed class CaseProjectionEntity : ITableEntity
{
    /// <summary>The row key of every projection row.</summary>
    public const string Row = "case";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = Row;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The ledger entity.</summary>
    public string Entity { get; set; } = "";

    /// <summary>The customer id.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>The ladder stage.</summary>
    public string Stage { get; set; } = "";

    /// <summary>The runtime status the domain derives.</summary>
    public string Status { get; set; } = "";

    /// <summary>The credit grade.</summary>
    public string? Grade { get; set; }

    /// <summary>The state version.</summary>
    public long Version { get; set; }

    /// <summary>When the case wakes next.</summary>
    public DateTimeOffset? NextActionAt { get; set; }

    /// <summary>When the case closed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The state as JSON, when it fits one string property.</summary>
    public string? State { get; set; }

    /// <summary>The state as Brotli-compressed UTF-8 JSON, when it does not.</summary>
    public byte[]? StateBrotli { get; set; }
}
