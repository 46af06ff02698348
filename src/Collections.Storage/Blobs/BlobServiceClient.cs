using Collections.Storage.Pipeline;

namespace Collections.Storage.Blobs;

/// <summary>Entry point to a storage account's blob service.</summary>
public sealed class BlobServiceClient
{
    private readonly StorageServiceContext _context;

    /// <summary>Creates a client from a connection string.</summary>
    public BlobServiceClient(string connectionString, BlobClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client from a resolved connection.</summary>
    public BlobServiceClient(StorageConnection connection, BlobClientOptions? options = null)
    {
        _context = StorageServiceContext.Create(connection, options ?? new BlobClientOptions(), StorageService.Blob);
    }

    /// <summary>The blob service endpoint.</summary>
    public Uri Uri => new(_context.Endpoint);

    /// <summary>A client for one container (no request is made).</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName) => new(_context, containerName);
}
