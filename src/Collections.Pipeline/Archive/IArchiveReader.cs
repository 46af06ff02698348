namespace Collections.Pipeline.Archive;

/// <summary>
/// Reads the case archive: the index table finds a case's blob and line, the blob holds the case. Only cases
/// whose line was written and read back are visible.
/// </summary>
public interface IArchiveReader
{
    /// <summary>The archived case, or null when the archive does not hold it.</summary>
    /// <exception cref="InvalidDataException">The blob's line does not match the hash the index recorded.</exception>
    Task<ArchivedCase?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The index entry of an archived case (where its line is), or null when the archive does not hold it.</summary>
    Task<ArchiveEntry?> GetEntryAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// The index entries of archived cases matching a query (no blob is read), in ordinal case id order, read lazily: a
    /// caller that stops enumerating stops reading, so <see cref="ArchiveQuery.AfterCaseId"/> and a count make a page.
    /// </summary>
    IAsyncEnumerable<ArchiveEntry> ListAsync(ArchiveQuery query, CancellationToken cancellationToken);

    /// <summary>The archived cases matching a query, each blob read once.</summary>
    IAsyncEnumerable<ArchivedCase> ReadAsync(ArchiveQuery query, CancellationToken cancellationToken);
}
