using Collections.Domain.Ledger;

namespace Collections.Domain.WriteOffs;

/// <summary>What <see cref="WriteOffFilter.Apply"/> made of a snapshot's account.</summary>
/// <param name="Account">The account with only what may be dunned: new items, and increases beyond what was written off.</param>
/// <param name="WrittenOff">The listed items (or the parts of them) that are written off, with the amount shown as written off open.</param>
public sealed record WriteOffResult(CustomerAccount Account, IReadOnlyList<LedgerItem> WrittenOff)
{
    /// <summary>Whether the snapshot listed anything already written off.</summary>
    public bool ListsWrittenOff => WrittenOff.Count > 0;
}
