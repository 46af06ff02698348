using System.Collections.Concurrent;
using Collections.Notices.Evidence;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.InMemory;

/// <summary>Evidence packs kept in memory (simulation and tests).</summary>
public sealed class InMemoryEvidenceStore : IEvidenceStore
{
    /// <summary>Packs written, by case id.</summary>
    public ConcurrentDictionary<string, EvidencePack> Packs { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string> WriteAsync(string caseId, EvidencePack pack, CancellationToken cancellationToken)
    {
        Packs[caseId] = pack;
        return Task.FromResult("memory/" + pack.BlobPrefix);
    }
}
