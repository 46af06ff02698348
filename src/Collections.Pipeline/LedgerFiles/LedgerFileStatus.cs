namespace Collections.Pipeline.LedgerFiles;

/// <summary>Where a dropped ledger file is in its processing.</summary>
public enum LedgerFileStatus
{
    /// <summary>Seen in the <c>ledgers</c> container.</summary>
    Received,

    /// <summary>Being read and validated.</summary>
    Validating,

    /// <summary>Valid; being applied to accounts and cases.</summary>
    Applying,

    /// <summary>Applied; moved to <c>ledgers-processed</c>.</summary>
    Applied,

    /// <summary>Invalid; nothing applied; moved to <c>ledgers-rejected</c> with its error report.</summary>
    Rejected,

    /// <summary>The same content (SHA-256) was already processed: a no-op.</summary>
    Duplicate,

    /// <summary>Older than the entity's last applied snapshot: rejected.</summary>
    Stale,
}
