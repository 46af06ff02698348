namespace Collections.Storage.Tables;

/// <summary>How an update or upsert treats properties the request does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep them (MERGE).</summary>
    Merge,

    /// <summary>Remove them (PUT replaces the whole entity).</summary>
    Replace,
}
