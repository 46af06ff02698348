namespace Collections.Storage.Tables;

/// <summary>Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/>.</summary>
public sealed class TableClientOptions : StorageClientOptions
{
}
