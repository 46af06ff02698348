namespace Collections.Pipeline.Cases;

/// <summary>What applying one account's snapshot did.</summary>
public enum SnapshotOutcome
{
    /// <summary>Applied to the running case.</summary>
    Applied,

    /// <summary>A new case was opened.</summary>
    Opened,

    /// <summary>Applied; the case resolved (and, if debt remains, a new one opened).</summary>
    Resolved,

    /// <summary>This file was already applied to the account (a re-run).</summary>
    AlreadyApplied,

    /// <summary>Nothing owed and no running case: nothing to do.</summary>
    NothingOwed,

    /// <summary>Older than the snapshot last applied to the account: not signalled (as-of order wins over arrival order).</summary>
    Stale,
}
