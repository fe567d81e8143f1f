using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Extractor.Recognition.Features;

/// <summary>A fixed-size, insert-only table from 64-bit keys to rows of <typeparamref name="T"/>, shared by threads: lock-free reads, one compare-exchange per insertion.</summary>
/// <remarks>
/// A slot's key is claimed first and its row published after (row + 1, so 0 means "being written"); a reader
/// that finds the key before its row treats the entry as pending. Rows are written once, before they are
/// published, and never change. They live in chunks allocated on first use, so a single short article does
/// not pay for a full table (11 MB of word scores). Key 0 marks an empty slot, so callers' keys are never 0. A full
/// table is not cleared (readers may still be in it): its owner swaps in a new one.
/// <para>
/// The slot array starts small and, once the rows handed out reach half of it, is replaced (under a lock, once) by one
/// of the full size, twice the capacity: a row is only handed out while the slots hold twice as many, so probing
/// always ends at an empty slot. Full-size slot arrays from the start were 4 MB of fresh memory, zeroed and faulted
/// in, for the two caches of a run over one article, which touches a few hundred words: 5 ms of its 44 (#33). Growing
/// by doubling instead raised the benchmark corpus's peak from 91 to 105 MB (the pinned heap kept every size). Entries
/// published into the small array while it is copied are lost to the new one; their rows stay unused and their keys
/// are computed again later, so a lookup only ever misses, never finds a wrong row.
/// </para>
/// </remarks>
internal sealed class InsertOnlyTable<T> where T : struct
{
    /// <summary><see cref="Find"/>'s answer for a key whose row another thread is still writing.</summary>
    public const int Pending = -2;

    /// <summary>Slots a table starts with: 2,048 rows before it grows to full size (64 KB).</summary>
    internal const int InitialSlots = 1 << 12;

    private const int ChunkShift = 8;
    private const int ChunkRows = 1 << ChunkShift;

    private Slot[] _slots;
    private readonly int _maxSlots;
    private readonly T[]?[] _chunks;
    private readonly int _capacity;
    private readonly int _stride;
    private readonly Lock _growth = new();
    private int _reserved;

    /// <summary>An empty table of up to <paramref name="capacity"/> rows of <paramref name="stride"/> values.</summary>
    public InsertOnlyTable(int capacity, int stride)
    {
        _capacity = capacity;
        _stride = stride;
        int size = 16;
        while (size < 2 * capacity) size <<= 1;
        _maxSlots = size;
        _slots = NewSlots(Math.Min(size, InitialSlots));
        _chunks = new T[]?[(capacity + ChunkRows - 1) >> ChunkShift];
    }

    /// <summary>How many slots the table has now (tests watch it grow).</summary>
    internal int SlotCount => Volatile.Read(ref _slots).Length;

    /// <summary>How many rows have been handed out (tests watch a cache start over).</summary>
    internal int RowCount => Math.Min(Volatile.Read(ref _reserved), _capacity);

    /// <summary>The rows it holds when full.</summary>
    public int Capacity => _capacity;

    // On the pinned-object heap: a full-size slot array (2 MB) is a large object, and the two that the first
    // document's caches allocated went past the large-object heap's starting budget, so every run began with a
    // full, compacting collection. Pinned arrays are budgeted apart; the slots never move anyway. Start-up plus
    // one article 54.7 -> 47.0 ms, the corpus unchanged (docs/performance.md, issue 33's sixth step).
    private static Slot[] NewSlots(int size) => GC.AllocateArray<Slot>(size, pinned: true);

    /// <summary>The row holding <paramref name="key"/>'s values; −1 when absent, <see cref="Pending"/> while being written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        var slots = Volatile.Read(ref _slots);
        int mask = slots.Length - 1;
        int slot = (int)key & mask;
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
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Asks the processor to bring in <paramref name="key"/>'s home slot, which a <see cref="Find"/> soon after reads.</summary>
    /// <remarks>A prefetch never faults and changes nothing; on a slot array replaced meanwhile it is only wasted.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (!Sse.IsSupported) return;
        var slots = Volatile.Read(ref _slots);
        Sse.Prefetch0(Unsafe.AsPointer(ref slots[(int)key & (slots.Length - 1)]));
    }

    /// <summary>Asks the processor to bring in values <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>
    /// of a row that <see cref="Find"/> returned.</summary>
    public unsafe void PrefetchRow(int row, int start, int count)
    {
        if (!Sse.IsSupported) return;
        var chunk = Volatile.Read(ref _chunks[row >> ChunkShift]);
        if (chunk is null) return;
        int from = (row & (ChunkRows - 1)) * _stride + start;
        byte* p = (byte*)Unsafe.AsPointer(ref chunk[from]);
        byte* end = p + (long)count * Unsafe.SizeOf<T>();
        // Every 64-byte line the values touch, the last one included.
        for (byte* line = p; line < end; line += 64) Sse.Prefetch0(line);
        Sse.Prefetch0(end - 1);
    }

    /// <summary>A fresh row to fill, or −1 when the table is full.</summary>
    public int Reserve()
    {
        if (Volatile.Read(ref _reserved) >= _capacity) return -1;
        int row = Interlocked.Increment(ref _reserved) - 1;
        if (row >= _capacity) return -1;
        if (row >= Volatile.Read(ref _slots).Length / 2) Grow(row);
        return row;
    }

    /// <summary>Moves to full-size slots, whose half holds every row the capacity allows; threads that need the room wait here.</summary>
    private void Grow(int row)
    {
        lock (_growth)
        {
            if (row >= _slots.Length / 2) Volatile.Write(ref _slots, Rehash(_slots, _maxSlots));
        }
    }

    /// <summary>The published entries of <paramref name="old"/> in a new array of <paramref name="size"/> slots; pending
    /// ones are left out (their key is stored again at its next sight).</summary>
    private static Slot[] Rehash(Slot[] old, int size)
    {
        var slots = NewSlots(size);
        int mask = size - 1;
        foreach (ref var s in old.AsSpan())
        {
            ulong key = Volatile.Read(ref s.Key);
            int row = Volatile.Read(ref s.Row);
            if (key == 0 || row == 0) continue;
            int slot = (int)key & mask;
            while (slots[slot].Key != 0) slot = (slot + 1) & mask;
            slots[slot] = new Slot { Key = key, Row = row };
        }
        return slots;
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
        var slots = Volatile.Read(ref _slots);
        int mask = slots.Length - 1;
        int slot = (int)key & mask;
        while (true)
        {
            ref var s = ref slots[slot];
            ulong k = Interlocked.CompareExchange(ref s.Key, key, 0);
            if (k == 0)
            {
                Volatile.Write(ref s.Row, row + 1);
                return;
            }
            if (k == key) return;
            slot = (slot + 1) & mask;
        }
    }

    private struct Slot
    {
        public ulong Key;
        public int Row;
    }
}
