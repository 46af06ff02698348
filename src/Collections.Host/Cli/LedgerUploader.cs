using System.Globalization;
using Azure;
using Collections.Host.Hosting;
using Collections.Pipeline.LedgerFiles;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Collections.Operations.Hosting;

namespace Collections.Host.Cli;

/// <summary>Puts a ledger file into the <c>ledgers</c> container the way finance would, with <c>asof</c>/<c>encoding</c> metadata.</summary>
internal static class LedgerUploader
{
    /// <summary>Uploads (create-only: a blob of that name still waiting is an error) and returns the ledger file id the host will use.</summary>
    public static async Task<string> UploadAsync(BlobServiceClient blobs, string path, string blobName, DateOnly? asOf, string? encoding, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(StorageNames.LedgersContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (asOf is { } d)
        {
            metadata["asof"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrWhiteSpace(encoding))
        {
            metadata["encoding"] = encoding;
        }

        await using var file = File.OpenRead(path);
        BlobContentInfo uploaded;
        try
        {
            // The upload response carries Last-Modified; reading the properties again would race with the host moving the blob.
            uploaded = (await container.GetBlobClient(blobName).UploadAsync(file, new BlobUploadOptions { Metadata = metadata, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new InvalidOperationException($"a file named '{blobName}' is still waiting in the '{StorageNames.LedgersContainer}' container; wait for it or use --name", ex);
        }

        return LedgerFileIds.For(blobName, uploaded.LastModified, uploaded.ETag.ToString());
    }
}
