using System.Collections.Concurrent;
using Collections.Pipeline.LedgerFiles;

namespace Collections.Benchmarks;

/// <summary>
/// The ledger file store, noting the status the processor last saved (Validating, Applying ...) so a sampler can
/// tell which phase of the flow its working set peaked in.
/// </summary>
internal sealed class PhaseTrackingFileStore(ILedgerFileStore inner) : ILedgerFileStore
{
    private readonly ConcurrentDictionary<string, long> _peaks = new(StringComparer.Ordinal);

    public string Phase { get; private set; } = "Starting";

    /// <summary>The highest working set sampled in each phase, in the order the phases are named.</summary>
    public IReadOnlyDictionary<string, long> Peaks => _peaks;

    /// <summary>Records a working-set sample against the current phase.</summary>
    public void Sample(long workingSet) => _peaks.AddOrUpdate(Phase, workingSet, (_, old) => Math.Max(old, workingSet));

    public Task<LedgerFileRecord> SaveAsync(LedgerFileRecord record, CancellationToken cancellationToken)
    {
        Phase = record.Status.ToString();
        return inner.SaveAsync(record, cancellationToken);
    }

    public Task<LedgerFileRecord?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<LedgerFileRecord?> FindAppliedBySha256Async(string sha256, CancellationToken cancellationToken) => inner.FindAppliedBySha256Async(sha256, cancellationToken);

    public Task<(IReadOnlyList<LedgerFileRecord> Items, string? Continuation)> ListAsync(int take, string? continuation, CancellationToken cancellationToken) =>
        inner.ListAsync(take, continuation, cancellationToken);
}
