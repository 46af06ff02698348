using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collections.Benchmarks.Durable;

/// <summary>
/// When each case whose customer id starts with <paramref name="customerPrefix"/> first wrote its projection (the
/// <c>SaveCase</c> activity of its opening), on the sleeping phase's stopwatch: the k-th such instant is
/// <see cref="At"/>(k). In-process, so measuring costs the emulator nothing.
/// </summary>
internal sealed class FirstSaveRecorder(string customerPrefix)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, TimeSpan> _at = new();
    private Stopwatch _watch = Stopwatch.StartNew();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Times are read on <paramref name="watch"/> from now on.</summary>
    public void Begin(Stopwatch watch) => _watch = watch;

    /// <summary>When the <paramref name="k"/>-th case had saved, or null.</summary>
    public TimeSpan? At(int k) => _at.TryGetValue(k, out var at) ? at : null;

    public void Saved(string caseId, string customerId)
    {
        if (customerId.StartsWith(customerPrefix, StringComparison.Ordinal) && _seen.TryAdd(caseId, 0))
        {
            _at[Interlocked.Increment(ref _count)] = _watch.Elapsed;
        }
    }
}
