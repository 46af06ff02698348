using Azure;

namespace Collections.Storage.Tables;

/// <summary>
/// An entity-group transaction was rejected as a whole (the outer response is still 202): nothing was applied.
/// <see cref="FailedIndex"/> is the 0-based index of the operation the service blamed.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedIndex)
        : base(status, message, errorCode, null)
    {
        FailedIndex = failedIndex;
    }

    /// <summary>The 0-based index of the failing operation, when the service named one.</summary>
    public int? FailedIndex { get; }
}
