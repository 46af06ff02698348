using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Collections.Operations.Hosting;

/// <summary>Creates every container, queue and table the app uses, if missing (idempotent; runs at start-up).</summary>
internal sealed class StorageBootstrap(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var c in StorageNames.Containers)
        {
            await blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var q in StorageNames.Queues)
        {
            await queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var t in StorageNames.Tables)
        {
            await tables.GetTableClient(t).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
