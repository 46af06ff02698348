namespace Collections.Operations.Apis.Models;

/// <summary>What a purge did: closed cases past the cutoff moved to the archive (nothing is deleted outright).</summary>
internal sealed record ArchiveRunDto(
    string RunId,
    DateTimeOffset ClosedBefore,
    int Eligible,
    int Archived,
    int AlreadyArchived,
    int Removed,
    IReadOnlyList<string> Blobs);
