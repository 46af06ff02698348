namespace Collections.Storage.Tables;

/// <summary>The operation of one entity-group transaction action.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity (If-Match: the action's ETag, or <c>*</c>).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (If-Match: the action's ETag, or <c>*</c>).</summary>
    UpdateReplace,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Delete (If-Match: the action's ETag, or <c>*</c>).</summary>
    Delete,
}
