namespace Extractor.Recognition.Features;

/// <summary>Read-only map from 64-bit feature id to weight row: open addressing over flat arrays.</summary>
/// <remarks>A <c>Dictionary&lt;ulong,int&gt;</c> would do, but flat arrays load faster, cost a third of the
/// memory and make a lookup a few predictable probes with no hashing beyond the id itself (already mixed). A slot
/// holds a row + 1 (0 is empty) and the key is the row's id, so the table is a quarter of the ids' size again.
/// Tagging scores through <c>WeightTable</c>; it asks only whether a word's own feature is known (the first time it
/// describes each word type). The slots are built on the first <see cref="RowOf"/>, or come stored with the ids in a
/// model file (format 5), which spares the first document of every run that build (~5 ms and 1 MB of fresh memory).</remarks>
internal sealed class FeatureIndex
{
    private readonly Block<ulong> _ids;
    private Slots? _slots;

    /// <summary>Indexes <paramref name="ids"/>: id <c>ids[r]</c> maps to row <c>r</c>. Ids must be distinct and non-zero.</summary>
    public FeatureIndex(ReadOnlySpan<ulong> ids) => _ids = ids.ToArray();

    /// <summary>Indexes <paramref name="ids"/> (a model file's, kept, not copied) with <paramref name="slots"/> as
    /// <see cref="StoredSlots"/> gave them. Only what keeps a lookup inside the arrays and ending is checked (a
    /// power-of-two size, rows that exist, an empty slot); the file's checksum covers the rest.</summary>
    /// <exception cref="FormatException">The slots do not fit the ids.</exception>
    internal FeatureIndex(Block<ulong> ids, Block<int> slots)
    {
        _ids = ids;
        if (SlotChecks.Problem(slots.Span, ids.Length) is { } problem) throw new FormatException($"feature index: {problem}");
        _slots = new Slots(slots);
    }

    /// <summary>The ids in row order (for writing model files and pruning).</summary>
    public ulong[] Ids() => _ids.Span.ToArray();

    /// <summary>The ids in row order, without a copy.</summary>
    internal ReadOnlySpan<ulong> RowIds => _ids.Span;

    /// <summary>The slots (row + 1, 0 when empty), built if need be, for a model file to store.</summary>
    internal ReadOnlySpan<int> StoredSlots => (Volatile.Read(ref _slots) ?? Build()).Rows.Span;

    /// <summary>Number of features.</summary>
    public int Count => _ids.Length;

    /// <summary>The row of <paramref name="id"/>, or -1 when the feature is unknown.</summary>
    public int RowOf(ulong id)
    {
        var slots = Volatile.Read(ref _slots) ?? Build();
        var rows = slots.Rows.Span;
        var ids = _ids.Span;
        if (id == 0) id = 1;
        for (int slot = (int)id & slots.Mask; ; slot = (slot + 1) & slots.Mask)
        {
            int entry = rows[slot];
            if (entry == 0) return -1;
            if (ids[entry - 1] == id) return entry - 1;
        }
    }

    /// <summary>Builds the table; concurrent first callers may each build one, and all get the first published.</summary>
    private Slots Build()
    {
        var slots = Slots.Of(_ids.Span);
        return Interlocked.CompareExchange(ref _slots, slots, null) ?? slots;
    }

    private sealed class Slots(Block<int> rows)
    {
        public readonly Block<int> Rows = rows;
        public readonly int Mask = rows.Length - 1;

        public static Slots Of(ReadOnlySpan<ulong> ids)
        {
            int capacity = 16;
            while (capacity < ids.Length * 2) capacity <<= 1;
            var rows = new int[capacity];
            int mask = capacity - 1;
            for (int r = 0; r < ids.Length; r++)
            {
                int slot = (int)ids[r] & mask;
                while (rows[slot] != 0) slot = (slot + 1) & mask;
                rows[slot] = r + 1;
            }
            return new Slots(rows);
        }
    }
}
