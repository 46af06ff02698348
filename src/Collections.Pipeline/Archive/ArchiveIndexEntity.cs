using Azure;
using Azure.Data.Tables;

namespace Collections.Pipeline.Archive;

/// <summary>
/// The archive index row of one case (<c>PartitionKey</c> = case id, <c>RowKey</c> = <c>archive</c>). A run claims
/// the row (<see cref="Committed"/> false) before it writes the blob and commits it once the blob was read back,
/// so a run interrupted in between finishes the case instead of writing it again.
/// </summary>
public sealed class ArchiveIndexEntity : ITableEntity
{
    /// <summary>The row key of every index row.</summary>
    public const string Row = "archive";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = Row;

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>True once the blob holding the line was written and verified.</summary>
    public bool Committed { get; set; }

    /// <summary>The ledger entity.</summary>
    public string Entity { get; set; } = "";

    /// <summary>The customer id.</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>The final ladder stage.</summary>
    public string Stage { get; set; } = "";

    /// <summary>The final runtime status.</summary>
    public string Status { get; set; } = "";

    /// <summary>Why the case ended.</summary>
    public string? CloseReason { get; set; }

    /// <summary>When the case opened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the case closed.</summary>
    public DateTimeOffset ClosedAt { get; set; }

    /// <summary>The archive blob's name.</summary>
    public string Blob { get; set; } = "";

    /// <summary>The line's index in the blob, from 0.</summary>
    public int Line { get; set; }

    /// <summary>SHA-256 (hex) of the line.</summary>
    public string LineSha256 { get; set; } = "";

    /// <summary>The run that wrote the line.</summary>
    public string RunId { get; set; } = "";

    /// <summary>When the run claimed the case.</summary>
    public DateTimeOffset ArchivedAt { get; set; }

    internal ArchiveEntry ToEntry() =>
        new(PartitionKey, Entity, CustomerId, Stage, Status, CloseReason, CreatedAt, ClosedAt, Blob, Line, LineSha256, ArchivedAt);
}
