using Collections.Notices.Evidence;
using Collections.Pipeline.Cases;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Collections.Pipeline.Storage;

/// <summary>Writes evidence packs into the <c>evidence</c> container as <c>&lt;prefix&gt;.json</c> and <c>.html</c>.</summary>
public sealed class BlobEvidenceStore : IEvidenceStore
{
    private readonly BlobContainerClient _container;

    /// <summary>Creates the store over a container (which must exist).</summary>
    public BlobEvidenceStore(BlobContainerClient container) => _container = container;

    /// <inheritdoc />
    public async Task<string> WriteAsync(string caseId, EvidencePack pack, CancellationToken cancellationToken)
    {
        var json = _container.GetBlobClient(pack.BlobPrefix + ".json");
        await json.UploadAsync(BinaryData.FromString(pack.Json), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" }, Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["caseid"] = caseId, ["sha256"] = pack.JsonSha256 } }, cancellationToken);
        var html = _container.GetBlobClient(pack.BlobPrefix + ".html");
        await html.UploadAsync(BinaryData.FromString(pack.Html), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" }, Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["caseid"] = caseId, ["sha256"] = pack.HtmlSha256 } }, cancellationToken);
        return _container.Name + "/" + pack.BlobPrefix;
    }
}
