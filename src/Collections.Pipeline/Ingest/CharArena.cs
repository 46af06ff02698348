namespace Collections.Pipeline.Ingest;

/// <summary>
/// Append-only storage for short per-row text a parse keeps (invoice ids, PO numbers): characters in
/// large chunks of plain <c>char</c>, each value prefixed by its length, addressed by an <c>int</c>. A
/// million ids cost their characters and no object each, so the garbage collector has nothing to trace.
/// Hand-written: no served package stores strings this way.
/// </summary>
internal sealed class CharArena
{
    /// <summary>Longest value stored (the length prefix is one char; longer values go elsewhere).</summary>
    public const int MaxValueLength = 4096;

    private const int ChunkBits = 17;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<char[]> _chunks = [];
    private int _used = ChunkSize;

    /// <summary>Stores <paramref name="value"/> (at most <see cref="MaxValueLength"/> chars) and returns its address.</summary>
    public int Add(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "longer than the arena's values");
        }

        if (_used + value.Length + 1 > ChunkSize)
        {
            if (_chunks.Count >= int.MaxValue >> ChunkBits)
            {
                throw new InvalidOperationException("the arena is full");
            }

            // Only what Add wrote is ever read: the chunk need not be cleared first.
            _chunks.Add(GC.AllocateUninitializedArray<char>(ChunkSize));
            _used = 0;
        }

        var chunk = _chunks[^1];
        var address = ((_chunks.Count - 1) << ChunkBits) | _used;
        chunk[_used] = (char)value.Length;
        value.CopyTo(chunk.AsSpan(_used + 1));
        _used += value.Length + 1;
        return address;
    }

    /// <summary>The value stored at <paramref name="address"/>.</summary>
    public ReadOnlySpan<char> Get(int address)
    {
        var chunk = _chunks[address >> ChunkBits];
        var start = address & (ChunkSize - 1);
        return chunk.AsSpan(start + 1, chunk[start]);
    }
}
