using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Extractor.Recognition;

/// <summary>The scoring form of a stage's weights: feature id → its non-zero weights, in one probe.</summary>
/// <remarks>
/// Scoring looked an id up in <see cref="FeatureIndex"/> (keys and rows in two arrays) and then added a dense
/// row of 17 floats, of which four in five are zero: three or four cache misses per feature, with ~47
/// features per token and a working set (8 MB a stage) far beyond the cache. Here one entry holds the key
/// and where the feature's non-zero (tag, weight) pairs start, and those pairs are packed back to back:
/// usually two cache lines per feature and a quarter of the memory. Skipping zero weights leaves every
/// score bit-identical: adding ±0 to a sum that started at +0 never changes it.
/// </remarks>
internal sealed class WeightTable
{
    private readonly Entry[] _entries;
    private readonly TagWeight[] _weights;
    private readonly int _mask;

    /// <summary>Builds the table from a stage's index and its dense <c>rows × tags</c> weights.</summary>
    public WeightTable(FeatureIndex index, ReadOnlySpan<float> weights, int tags)
    {
        if (tags > 32) throw new ArgumentOutOfRangeException(nameof(tags), "At most 32 tags.");
        var ids = index.RowIds;
        var masks = new uint[ids.Length];
        int nonZero = 0, features = 0;
        for (int r = 0; r < ids.Length; r++)
        {
            uint mask = masks[r] = NonZero(weights.Slice(r * tags, tags));
            nonZero += BitOperations.PopCount(mask);
            if (mask != 0) features++;
        }
        int capacity = 16;
        while (capacity < features * 2) capacity <<= 1;
        _entries = new Entry[capacity];
        _weights = new TagWeight[nonZero];
        _mask = capacity - 1;
        Fill(ids, masks, weights, tags);
    }

    /// <summary>Bit k set when <c>row[k] != 0</c>, eight tags at a time (scanning 1.1 M weights a stage was most of the build).</summary>
    private static uint NonZero(ReadOnlySpan<float> row)
    {
        uint mask = 0;
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; k + 8 <= row.Length; k += 8)
                mask |= (~Vector256.Equals(Vector256.Create(row.Slice(k, 8)), Vector256<float>.Zero).ExtractMostSignificantBits() & 0xFFu) << k;
        for (; k < row.Length; k++)
            if (row[k] != 0) mask |= 1u << k;
        return mask;
    }

    /// <summary>Packs each row's non-zero weights and inserts its entry, rows in batches (model load time).</summary>
    /// <remarks>Each batch first reads its rows' home slots, so their cache misses overlap instead of queueing
    /// behind each insertion's probe loop. The probes then read the slots again, since an insertion in the
    /// same batch may have taken one.</remarks>
    private void Fill(ReadOnlySpan<ulong> ids, ReadOnlySpan<uint> masks, ReadOnlySpan<float> weights, int tags)
    {
        const int Batch = 16;
        Span<ulong> touched = stackalloc ulong[Batch];
        int next = 0;
        for (int first = 0; first < ids.Length; first += Batch)
        {
            int end = Math.Min(first + Batch, ids.Length);
            for (int r = first; r < end; r++) touched[r - first] = _entries[(int)ids[r] & _mask].Key;
            for (int r = first; r < end; r++)
            {
                uint mask = masks[r];
                if (mask == 0) continue;
                int start = next;
                for (; mask != 0; mask &= mask - 1)
                {
                    int k = BitOperations.TrailingZeroCount(mask);
                    _weights[next++] = new TagWeight(weights[r * tags + k], k);
                }
                int slot = (int)ids[r] & _mask;
                while (_entries[slot].Key != 0) slot = (slot + 1) & _mask;
                _entries[slot] = new Entry(ids[r], start, next - start);
            }
        }
    }

    /// <summary>Adds the weights of the known features among <paramref name="ids"/> into <paramref name="scores"/>, in id order.</summary>
    /// <param name="ids">Feature ids (at most <paramref name="scratch"/>'s length).</param>
    /// <param name="scores">One score per tag.</param>
    /// <param name="scratch">Caller-owned working space, one per thread.</param>
    /// <remarks>
    /// Two passes: the first reads every id's home slot before any is compared, so the cache misses of all
    /// ~47 features are in flight together rather than one after another behind mispredicted branches.
    /// </remarks>
    public void AddScores(ReadOnlySpan<ulong> ids, Span<float> scores, Scratch scratch)
    {
        var entries = _entries;
        var firstKeys = scratch.Keys.AsSpan(0, ids.Length);
        for (int i = 0; i < ids.Length; i++) firstKeys[i] = entries[(int)Normalize(ids[i]) & _mask].Key;
        var weights = _weights;
        for (int i = 0; i < ids.Length; i++)
        {
            ulong id = Normalize(ids[i]);
            ulong key = firstKeys[i];
            if (key == 0) continue;
            int slot = (int)id & _mask;
            while (key != id)
            {
                slot = (slot + 1) & _mask;
                key = entries[slot].Key;
                if (key == 0) break;
            }
            if (key == 0) continue;
            ref readonly var entry = ref entries[slot];
            foreach (var w in weights.AsSpan(entry.Start, entry.Count)) scores[w.Tag] += w.Value;
        }
    }

    /// <summary>As the other overload, one feature at a time (for callers without scratch space).</summary>
    public void AddScores(ReadOnlySpan<ulong> ids, Span<float> scores)
    {
        foreach (ulong raw in ids)
        {
            ulong id = Normalize(raw);
            int slot = (int)id & _mask;
            ulong key;
            while ((key = _entries[slot].Key) != id && key != 0) slot = (slot + 1) & _mask;
            if (key == 0) continue;
            ref readonly var entry = ref _entries[slot];
            foreach (var w in _weights.AsSpan(entry.Start, entry.Count)) scores[w.Tag] += w.Value;
        }
    }

    /// <summary>Id 0 marks an empty slot, so it is stored (and looked up) as 1, as <see cref="FeatureIndex"/> does.</summary>
    private static ulong Normalize(ulong id) => id == 0 ? 1 : id;

    /// <summary>Per-thread working space for <see cref="AddScores(ReadOnlySpan{ulong}, Span{float}, Scratch)"/>.</summary>
    public sealed class Scratch(int capacity)
    {
        public readonly ulong[] Keys = new ulong[capacity];
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Entry(ulong Key, int Start, int Count);

    private readonly record struct TagWeight(float Value, int Tag);
}
