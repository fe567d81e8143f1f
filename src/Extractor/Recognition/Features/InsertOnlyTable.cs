using System.Runtime.CompilerServices;

namespace Extractor.Recognition.Features;

/// <summary>A fixed-size, insert-only table from 64-bit keys to rows of <typeparamref name="T"/>, shared by threads: lock-free reads, one compare-exchange per insertion.</summary>
/// <remarks>
/// A slot's key is claimed first and its row published after (row + 1, so 0 means "being written"); a reader
/// that finds the key before its row treats the entry as pending. Rows are written once, before they are
/// published, and never change. They live in chunks allocated on first use, so a single short article does
/// not pay for a full table (11 MB of word scores). The slot array is twice the capacity, so probing always
/// ends at an empty slot, and key 0 marks an empty slot, so callers' keys are never 0. A full table is not cleared (readers may still be in it): its owner swaps in a new one.
/// </remarks>
internal sealed class InsertOnlyTable<T> where T : struct
{
    /// <summary><see cref="Find"/>'s answer for a key whose row another thread is still writing.</summary>
    public const int Pending = -2;

    private const int ChunkShift = 8;
    private const int ChunkRows = 1 << ChunkShift;

    private readonly Slot[] _slots;
    private readonly T[]?[] _chunks;
    private readonly int _capacity;
    private readonly int _stride;
    private readonly int _mask;
    private int _reserved;

    /// <summary>An empty table of up to <paramref name="capacity"/> rows of <paramref name="stride"/> values.</summary>
    public InsertOnlyTable(int capacity, int stride)
    {
        _capacity = capacity;
        _stride = stride;
        int size = 16;
        while (size < 2 * capacity) size <<= 1;
        // On the pinned-object heap: a full-size slot array (2 MB) is a large object, and the two that the first
        // document's caches allocate went past the large-object heap's starting budget, so every run began with a
        // full, compacting collection. Pinned arrays are budgeted apart; the slots never move anyway. Start-up plus
        // one article 54.7 -> 47.0 ms, the corpus unchanged (docs/performance.md, issue 33's sixth step).
        _slots = GC.AllocateArray<Slot>(size, pinned: true);
        _mask = size - 1;
        _chunks = new T[]?[(capacity + ChunkRows - 1) >> ChunkShift];
    }

    /// <summary>The row holding <paramref name="key"/>'s values; −1 when absent, <see cref="Pending"/> while being written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        var slots = _slots;
        int slot = (int)key & _mask;
        while (true)
        {
            ref var s = ref slots[slot];
            ulong k = Volatile.Read(ref s.Key);
            if (k == key)
            {
                int row = Volatile.Read(ref s.Row);
                return row == 0 ? Pending : row - 1;
            }
            if (k == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>A fresh row to fill, or −1 when the table is full.</summary>
    public int Reserve()
    {
        if (Volatile.Read(ref _reserved) >= _capacity) return -1;
        int row = Interlocked.Increment(ref _reserved) - 1;
        return row < _capacity ? row : -1;
    }

    /// <summary>A row's values (the chunk is allocated by whichever thread needs it first).</summary>
    public Span<T> Row(int row)
    {
        int c = row >> ChunkShift;
        var chunk = Volatile.Read(ref _chunks[c]);
        if (chunk is null)
        {
            var created = new T[ChunkRows * _stride];
            chunk = Interlocked.CompareExchange(ref _chunks[c], created, null) ?? created;
        }
        return chunk.AsSpan((row & (ChunkRows - 1)) * _stride, _stride);
    }

    /// <summary>Makes a filled row findable under <paramref name="key"/>; a no-op when another thread stored the key first.</summary>
    public void Publish(ulong key, int row)
    {
        int slot = (int)key & _mask;
        while (true)
        {
            ref var s = ref _slots[slot];
            ulong k = Interlocked.CompareExchange(ref s.Key, key, 0);
            if (k == 0)
            {
                Volatile.Write(ref s.Row, row + 1);
                return;
            }
            if (k == key) return;
            slot = (slot + 1) & _mask;
        }
    }

    private struct Slot
    {
        public ulong Key;
        public int Row;
    }
}
