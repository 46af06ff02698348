using Azure;

namespace Collections.Storage.Tables;

/// <summary>The outcome of one operation of a successful transaction.</summary>
/// <param name="Status">The inner HTTP status (204 or 201).</param>
/// <param name="ETag">The entity's new ETag (default for deletes).</param>
public sealed record TableTransactionResult(int Status, ETag ETag);
