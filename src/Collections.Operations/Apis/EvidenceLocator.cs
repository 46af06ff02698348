using Collections.Operations.Apis.Models;
using Collections.Operations.Hosting;
using Collections.Notices.Evidence;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Collections.Operations.Apis;

/// <summary>
/// Finds a case's latest evidence pack in the <c>evidence</c> container. Packs are written under
/// <c>&lt;entity&gt;/&lt;customer&gt;/&lt;case&gt;/&lt;yyyyMMddTHHmmssZ&gt;.(json|html)</c> (escaped segments; see <see cref="EvidencePackBuilder.CasePrefix"/>),
/// so the latest is the greatest name under the case's prefix.
/// </summary>
internal sealed class EvidenceLocator(BlobServiceClient blobs)
{
    public BlobContainerClient Container => blobs.GetBlobContainerClient(StorageNames.EvidenceContainer);

    /// <summary>The latest pack's blob prefix (without extension), or null when the case has none.</summary>
    public async Task<string?> LatestAsync(string entity, string customerId, string caseId, CancellationToken cancellationToken)
    {
        var prefix = EvidencePackBuilder.CasePrefix(entity, customerId, caseId);
        string? latest = null;
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal) && (latest is null || string.CompareOrdinal(blob.Name, latest) > 0))
            {
                latest = blob.Name;
            }
        }

        return latest?[..^".json".Length];
    }

    public static EvidenceLinkDto Link(string caseId, string blobPrefix)
    {
        var basePath = "/api/cases/" + Uri.EscapeDataString(caseId) + "/evidence";
        return new EvidenceLinkDto(StorageNames.EvidenceContainer + "/" + blobPrefix, basePath + "?format=html", basePath + "?format=json");
    }
}
