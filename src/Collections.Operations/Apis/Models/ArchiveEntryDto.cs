namespace Collections.Operations.Apis.Models;

/// <summary>One archived case in a listing (from the archive index; no blob is read).</summary>
internal sealed record ArchiveEntryDto(
    string InstanceId,
    string Entity,
    string CustomerId,
    string Stage,
    string RuntimeStatus,
    string? CloseReason,
    DateTimeOffset CreatedTime,
    DateTimeOffset ClosedTime,
    string Blob,
    int Line,
    DateTimeOffset ArchivedAt);
