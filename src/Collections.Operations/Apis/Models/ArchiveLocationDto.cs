namespace Collections.Operations.Apis.Models;

/// <summary>Where an archived case's line is (blob in the archive container, line from 0, its SHA-256) and its evidence blobs.</summary>
internal sealed record ArchiveLocationDto(string Blob, int Line, string LineSha256, string RunId, DateTimeOffset ArchivedAt, IReadOnlyList<string> Evidence);
