namespace Collections.Pipeline.Archive;

/// <summary>What an archive run did.</summary>
/// <param name="RunId">The run's id (part of its blob names).</param>
/// <param name="ClosedBefore">The cutoff: only cases closed before it were eligible.</param>
/// <param name="Eligible">Closed cases past the cutoff still in the live tables.</param>
/// <param name="Archived">Cases this run wrote to the archive.</param>
/// <param name="AlreadyArchived">Cases an earlier, interrupted run had archived (not written again).</param>
/// <param name="Removed">Cases whose live rows were removed after their archive line was verified.</param>
/// <param name="Blobs">The archive blobs this run wrote.</param>
public sealed record ArchiveRunResult(
    string RunId,
    DateTimeOffset ClosedBefore,
    int Eligible,
    int Archived,
    int AlreadyArchived,
    int Removed,
    IReadOnlyList<string> Blobs);
