using Azure;

namespace Collections.Storage.Tables;

/// <summary>One operation in an entity-group transaction.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (only its keys matter for <see cref="TableTransactionActionType.Delete"/>).</param>
/// <param name="ETag">For updates and deletes: the expected ETag; <see langword="default"/> means <see cref="ETag.All"/>.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);
