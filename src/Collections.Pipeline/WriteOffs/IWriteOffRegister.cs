using Collections.Domain.WriteOffs;

namespace Collections.Pipeline.WriteOffs;

/// <summary>
/// The write-off register: every item a case wrote off (entity, customer, invoice, currency, open amount, case,
/// when). The case orchestration records into it when a case is written off; ingest reads an entity's items
/// once per snapshot, so a later ledger that still lists them never reopens dunning (domain.md section 4).
/// </summary>
public interface IWriteOffRegister
{
    /// <summary>Records items (idempotent: one row per case and item, written again with the same values).</summary>
    Task RecordAsync(IReadOnlyList<WrittenOffItem> items, CancellationToken cancellationToken);

    /// <summary>Every written-off item of an entity (one read of its partition).</summary>
    IAsyncEnumerable<WrittenOffItem> ListAsync(string entity, CancellationToken cancellationToken);
}
