using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// The invoice ids of one entity seen so far, each with the row that first had it: an open-addressing
/// table of 12-byte entries over a <see cref="CharArena"/> (the id's characters are stored once, and the
/// kept items point at them). Replaces a dictionary of strings, which cost about 80 bytes and two objects
/// per row that the garbage collector had to trace. Hashes are the runtime's randomised string hash, so
/// a crafted file cannot make every id collide. Hand-written: no served package offers a span-keyed,
/// object-free set.
/// </summary>
internal sealed class InvoiceIdIndex
{
    private readonly CharArena _arena;
    private Entry[] _entries = new Entry[16];
    private int _count;

    public InvoiceIdIndex(CharArena arena) => _arena = arena;

    /// <summary>
    /// Adds <paramref name="id"/> first seen in <paramref name="row"/> (rows start at 1); false when it was
    /// already there, with the row that had it first. Either way <paramref name="address"/> is where the
    /// id's characters are stored.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<char> id, int row, out int firstRow, out int address)
    {
        var hash = string.GetHashCode(id, StringComparison.Ordinal);
        var mask = _entries.Length - 1;
        var i = hash & mask;
        while (_entries[i].Row != 0)
        {
            ref readonly var entry = ref _entries[i];
            if (entry.Hash == hash && _arena.Get(entry.Address).SequenceEqual(id))
            {
                firstRow = entry.Row;
                address = entry.Address;
                return false;
            }

            i = (i + 1) & mask;
        }

        address = _arena.Add(id);
        _entries[i] = new Entry(hash, address, row);
        firstRow = row;
        if (++_count > _entries.Length / 4 * 3)
        {
            Grow();
        }

        return true;
    }

    // Runs a few times per file over up to a million entries: compiled optimised at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Row == 0)
            {
                continue;
            }

            var i = entry.Hash & mask;
            while (_entries[i].Row != 0)
            {
                i = (i + 1) & mask;
            }

            _entries[i] = entry;
        }
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Entry(int Hash, int Address, int Row);
}
