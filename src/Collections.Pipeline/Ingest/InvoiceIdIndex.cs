using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// The invoice ids seen so far, per entity, each with the row that first had it: an open-addressing
/// table of 8-byte entries (hash, address) over a <see cref="CharArena"/> that stores each id once with
/// its entity and first row (the kept items point at the same characters). Replaces a dictionary of
/// strings per entity, which cost about 80 bytes and two traced objects per row. Hashes are the
/// runtime's randomised string hash, so a crafted file cannot make every id collide; the table is at
/// most half full, so a miss probes about two entries. Hand-written: no served package offers a
/// span-keyed, object-free set.
/// </summary>
internal sealed class InvoiceIdIndex
{
    // The arena record of an id: its entity (2 chars), first row (2 chars), then the id.
    private const int Header = 4;

    private readonly CharArena _arena;
    private Entry[] _entries;
    private int _count;

    /// <param name="arena">Where the ids' characters go.</param>
    /// <param name="expected">Ids expected (a hint from the file's size; the table grows past it).</param>
    public InvoiceIdIndex(CharArena arena, int expected)
    {
        _arena = arena;
        _entries = new Entry[Math.Max(16, (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, expected) * 2)))];
    }

    /// <summary>The id stored at an address this index returned.</summary>
    public static ReadOnlySpan<char> IdAt(CharArena arena, int address) => arena.Get(address)[Header..];

    /// <summary>
    /// Adds <paramref name="id"/> of entity number <paramref name="entity"/>, first seen in
    /// <paramref name="row"/>; false when it was already there, with the row that had it first. Either
    /// way <paramref name="address"/> is where the id is stored (see <see cref="IdAt"/>).
    /// </summary>
    public bool TryAdd(int entity, ReadOnlySpan<char> id, int row, out int firstRow, out int address) =>
        TryAdd(Hash(entity, id), entity, id, row, out firstRow, out address);

    /// <summary>The hash <see cref="TryAdd(int, int, ReadOnlySpan{char}, int, out int, out int)"/> takes.</summary>
    public static int Hash(int entity, ReadOnlySpan<char> id) => string.GetHashCode(id, StringComparison.Ordinal) ^ (entity * -1640531535);

    /// <summary>
    /// Starts loading the table entry <paramref name="hash"/> probes first, without waiting for it: the table is
    /// far larger than the caches, so a row's lookup misses them; called before the row's other cells are
    /// validated, the load overlaps that work. No effect on what is stored.
    /// </summary>
    public unsafe void Prefetch(int hash)
    {
        if (Sse.IsSupported)
        {
            // A hint only: a stale address (the array moved) costs nothing but the hint.
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), hash & (_entries.Length - 1))));
        }
    }

    /// <inheritdoc cref="TryAdd(int, ReadOnlySpan{char}, int, out int, out int)"/>
    public bool TryAdd(int hash, int entity, ReadOnlySpan<char> id, int row, out int firstRow, out int address)
    {
        var mask = _entries.Length - 1;
        var i = hash & mask;
        while (_entries[i].Address != 0)
        {
            ref readonly var entry = ref _entries[i];
            if (entry.Hash == hash)
            {
                var stored = _arena.Get(entry.Address - 1);
                if (stored[0] == (char)entity && stored[1] == (char)(entity >> 16) && stored[Header..].SequenceEqual(id))
                {
                    firstRow = stored[2] | (stored[3] << 16);
                    address = entry.Address - 1;
                    return false;
                }
            }

            i = (i + 1) & mask;
        }

        Span<char> record = stackalloc char[Header + id.Length];
        record[0] = (char)entity;
        record[1] = (char)(entity >> 16);
        record[2] = (char)row;
        record[3] = (char)(row >> 16);
        id.CopyTo(record[Header..]);
        address = _arena.Add(record);
        _entries[i] = new Entry(hash, address + 1);
        firstRow = row;
        if (++_count > _entries.Length / 2)
        {
            Grow();
        }

        return true;
    }

    // Runs a few times per file over up to millions of entries: compiled optimised at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Address == 0)
            {
                continue;
            }

            var i = entry.Hash & mask;
            while (_entries[i].Address != 0)
            {
                i = (i + 1) & mask;
            }

            _entries[i] = entry;
        }
    }

    // Address is the arena address plus one: 0 marks an empty entry.
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Entry(int Hash, int Address);
}
