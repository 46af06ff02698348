using Collections.Storage.Pipeline;

namespace Collections.Storage.Tables;

/// <summary>Entry point to a storage account's table service.</summary>
public sealed class TableServiceClient
{
    private readonly StorageServiceContext _context;

    /// <summary>Creates a client from a connection string.</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client from a resolved connection.</summary>
    public TableServiceClient(StorageConnection connection, TableClientOptions? options = null)
    {
        _context = StorageServiceContext.Create(connection, options ?? new TableClientOptions(), StorageService.Table);
    }

    /// <summary>The table service endpoint.</summary>
    public Uri Uri => new(_context.Endpoint);

    /// <summary>A client for one table (no request is made).</summary>
    public TableClient GetTableClient(string tableName) => new(_context, tableName);
}
