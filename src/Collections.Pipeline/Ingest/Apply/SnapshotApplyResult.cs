using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>What <see cref="SnapshotApplier.ApplyAsync"/> did.</summary>
/// <param name="Applied">Accounts applied or found already applied.</param>
/// <param name="Accounts">
/// Every account as it was applied: items already written off left out, an increase beyond a write-off as the
/// item's open amount (the per-entity totals are built from these, so written-off debt counts in no balance).
/// </param>
public sealed record SnapshotApplyResult(int Applied, IReadOnlyList<CustomerAccount> Accounts);
