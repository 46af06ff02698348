namespace Collections.Pipeline.LedgerFiles;

/// <summary>The <c>LedgerFiles</c> records: newest first, with a content index for duplicate detection.</summary>
public interface ILedgerFileStore
{
    /// <summary>Inserts or replaces a record (replace is conditioned on its ETag when it has one).</summary>
    Task<LedgerFileRecord> SaveAsync(LedgerFileRecord record, CancellationToken cancellationToken);

    /// <summary>A record by id, or null.</summary>
    Task<LedgerFileRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The applied file with this content, if any (duplicate detection).</summary>
    Task<LedgerFileRecord?> FindAppliedBySha256Async(string sha256, CancellationToken cancellationToken);

    /// <summary>Records, newest first, a page at a time; <paramref name="continuation"/> comes from the previous page.</summary>
    Task<(IReadOnlyList<LedgerFileRecord> Items, string? Continuation)> ListAsync(int take, string? continuation, CancellationToken cancellationToken);
}
