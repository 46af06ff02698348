using Collections.Notices.Evidence;

namespace Collections.Pipeline.Cases;

/// <summary>Where evidence packs for legal go (the <c>evidence</c> blob container in production).</summary>
public interface IEvidenceStore
{
    /// <summary>Writes a pack's JSON and HTML documents and returns where they are.</summary>
    Task<string> WriteAsync(string caseId, EvidencePack pack, CancellationToken cancellationToken);
}
