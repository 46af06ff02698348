using Collections.Storage.Pipeline;

namespace Collections.Storage.Queues;

/// <summary>Entry point to a storage account's queue service.</summary>
public sealed class QueueServiceClient
{
    private readonly StorageServiceContext _context;

    /// <summary>Creates a client from a connection string.</summary>
    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client from a resolved connection.</summary>
    public QueueServiceClient(StorageConnection connection, QueueClientOptions? options = null)
    {
        _context = StorageServiceContext.Create(connection, options ?? new QueueClientOptions(), StorageService.Queue);
    }

    /// <summary>The queue service endpoint.</summary>
    public Uri Uri => new(_context.Endpoint);

    /// <summary>A client for one queue (no request is made).</summary>
    public QueueClient GetQueueClient(string queueName) => new(_context, queueName);
}
