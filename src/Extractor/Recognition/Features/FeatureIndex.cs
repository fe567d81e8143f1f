namespace Extractor.Recognition.Features;

/// <summary>Read-only map from 64-bit feature id to weight row: open addressing over flat arrays.</summary>
/// <remarks>A <c>Dictionary&lt;ulong,int&gt;</c> would do, but flat arrays load faster, cost a third of the
/// memory and make a lookup a few predictable probes with no hashing beyond the id itself (already mixed).
/// The table is built on the first <see cref="RowOf"/>: tagging scores through <c>WeightTable</c>
/// and never asks, so loading a model for extraction skips two random-access builds (~3 ms each).</remarks>
internal sealed class FeatureIndex
{
    private readonly Block<ulong> _ids;
    private Slots? _slots;

    /// <summary>Indexes <paramref name="ids"/>: id <c>ids[r]</c> maps to row <c>r</c>. Ids must be distinct and non-zero.</summary>
    public FeatureIndex(ReadOnlySpan<ulong> ids) => _ids = ids.ToArray();

    /// <summary>Indexes the ids of <paramref name="ids"/> (a model file's, kept, not copied).</summary>
    internal FeatureIndex(Block<ulong> ids) => _ids = ids;

    /// <summary>The ids in row order (for writing model files and pruning).</summary>
    public ulong[] Ids() => _ids.Span.ToArray();

    /// <summary>The ids in row order, without a copy.</summary>
    internal ReadOnlySpan<ulong> RowIds => _ids.Span;

    /// <summary>Number of features.</summary>
    public int Count => _ids.Length;

    /// <summary>The row of <paramref name="id"/>, or -1 when the feature is unknown.</summary>
    public int RowOf(ulong id)
    {
        var slots = Volatile.Read(ref _slots) ?? Build();
        if (id == 0) id = 1;
        int slot = (int)id & slots.Mask;
        while (true)
        {
            ulong key = slots.Keys[slot];
            if (key == id) return slots.Rows[slot];
            if (key == 0) return -1;
            slot = (slot + 1) & slots.Mask;
        }
    }

    /// <summary>Builds the table; concurrent first callers may each build one, and all get the first published.</summary>
    private Slots Build()
    {
        var slots = new Slots(_ids.Span);
        return Interlocked.CompareExchange(ref _slots, slots, null) ?? slots;
    }

    private sealed class Slots
    {
        public readonly ulong[] Keys;
        public readonly int[] Rows;
        public readonly int Mask;

        public Slots(ReadOnlySpan<ulong> ids)
        {
            int capacity = 16;
            while (capacity < ids.Length * 2) capacity <<= 1;
            Keys = new ulong[capacity];
            Rows = new int[capacity];
            Mask = capacity - 1;
            for (int r = 0; r < ids.Length; r++)
            {
                int slot = (int)ids[r] & Mask;
                while (Keys[slot] != 0) slot = (slot + 1) & Mask;
                Keys[slot] = ids[r];
                Rows[slot] = r;
            }
        }
    }
}
