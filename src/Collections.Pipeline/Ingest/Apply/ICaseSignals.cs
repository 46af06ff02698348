using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// What applying a ledger asks of the cases. Ingest owns the account index and its storage (read once per
/// entity, written in batches); the case side only decides and signals.
/// </summary>
public interface ICaseSignals
{
    /// <summary>
    /// Signals one account's snapshot to its running case, or opens a new case when the account owes something,
    /// given the account's record as ingest read it. Returns the record to store (not stored here). Idempotent.
    /// </summary>
    Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken);

    /// <summary>The same for one account, reading and storing its record itself (the path after a batch conflict).</summary>
    Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken);

    /// <summary>Resolves the running cases of the entity's accounts that the snapshot no longer lists; returns how many.</summary>
    Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken);
}
