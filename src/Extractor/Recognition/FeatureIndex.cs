namespace Extractor.Recognition;

/// <summary>Read-only map from 64-bit feature id to weight row: open addressing over flat arrays.</summary>
/// <remarks>A <c>Dictionary&lt;ulong,int&gt;</c> would do, but flat arrays load faster, cost a third of the
/// memory and make a lookup a few predictable probes with no hashing beyond the id itself (already mixed).</remarks>
public sealed class FeatureIndex
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _mask;

    /// <summary>Indexes <paramref name="ids"/>: id <c>ids[r]</c> maps to row <c>r</c>. Ids must be distinct and non-zero.</summary>
    public FeatureIndex(ReadOnlySpan<ulong> ids)
    {
        int capacity = 16;
        while (capacity < ids.Length * 2) capacity <<= 1;
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _mask = capacity - 1;
        Count = ids.Length;
        for (int r = 0; r < ids.Length; r++)
        {
            int slot = (int)ids[r] & _mask;
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = ids[r];
            _rows[slot] = r;
        }
    }

    /// <summary>The ids in row order (for writing model files and pruning).</summary>
    public ulong[] Ids()
    {
        var ids = new ulong[Count];
        for (int slot = 0; slot < _keys.Length; slot++)
            if (_keys[slot] != 0) ids[_rows[slot]] = _keys[slot];
        return ids;
    }

    /// <summary>Number of features.</summary>
    public int Count { get; }

    /// <summary>The row of <paramref name="id"/>, or -1 when the feature is unknown.</summary>
    public int RowOf(ulong id)
    {
        if (id == 0) id = 1;
        int slot = (int)id & _mask;
        while (true)
        {
            ulong key = _keys[slot];
            if (key == id) return _rows[slot];
            if (key == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }
}
