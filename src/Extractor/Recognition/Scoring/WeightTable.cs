using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Extractor.Recognition.Features;

namespace Extractor.Recognition.Scoring;

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
    private readonly Block<Entry> _entries;
    private readonly Block<TagWeight> _weights;
    private readonly int _mask;
    // A blocked Bloom filter over the keys, 16 bits per feature (two bits in one 64-bit word per key): most
    // bigram ids and most of a new word's own ids name no feature, and the filter (a few hundred KB, at home
    // in the core's L2) says so without reading the entry table (megabytes, mostly outside it).
    private readonly Block<ulong> _filter;
    private readonly int _filterMask;
    // Every stored tag is below it (checked when built or loaded), so AddFound indexes scores without a check per weight.
    private readonly int _tags;

    /// <summary>Builds the table from a stage's index and its dense <c>rows × tags</c> weights.</summary>
    public WeightTable(FeatureIndex index, ReadOnlySpan<float> weights, int tags)
        : this(index.RowIds, weights, [], [], tags)
    {
    }

    /// <summary>One table for two stages that share most feature ids (a two-pass model): one probe finds a
    /// feature's weights in both, next to each other (see <see cref="AddScores(ReadOnlySpan{ulong}, Span{float}, Span{float}, Scratch)"/>).</summary>
    public static WeightTable Pair(PerceptronModel first, PerceptronModel second)
    {
        if (first.Tags.Count != second.Tags.Count) throw new ArgumentException("The stages' tag sets differ.", nameof(second));
        return PairRows(first.Index.RowIds, first.Weights, second.Index.RowIds, second.Weights, first.Tags.Count);
    }

    /// <summary>As <see cref="Pair(PerceptronModel, PerceptronModel)"/>, from each stage's ids and dense weights.</summary>
    public static WeightTable PairRows(ReadOnlySpan<ulong> firstIds, ReadOnlySpan<float> firstWeights,
        ReadOnlySpan<ulong> secondIds, ReadOnlySpan<float> secondWeights, int tags) =>
        new(firstIds, firstWeights, secondIds, secondWeights, tags);

    private WeightTable(ReadOnlySpan<ulong> firstIds, ReadOnlySpan<float> firstWeights,
        ReadOnlySpan<ulong> secondIds, ReadOnlySpan<float> secondWeights, int tags)
    {
        if (tags > 32) throw new ArgumentOutOfRangeException(nameof(tags), "At most 32 tags.");
        var firstMasks = Masks(firstWeights, firstIds.Length, tags);
        var secondMasks = Masks(secondWeights, secondIds.Length, tags);
        // Each first-stage row's partner in the second stage (−1 for none); unpartnered second rows follow.
        var partner = Partners(firstIds, secondIds, out var partnered);
        var items = new List<(ulong Id, int First, int Second)>(firstIds.Length + secondIds.Length);
        int nonZero = 0;
        for (int r = 0; r < firstIds.Length; r++)
        {
            int p = partner[r];
            uint m2 = p < 0 ? 0 : secondMasks[p];
            if ((firstMasks[r] | m2) == 0) continue;
            items.Add((firstIds[r], firstMasks[r] == 0 ? -1 : r, m2 == 0 ? -1 : p));
            nonZero += BitOperations.PopCount(firstMasks[r]) + BitOperations.PopCount(m2);
        }
        for (int r = 0; r < secondIds.Length; r++)
        {
            if (partnered[r] || secondMasks[r] == 0) continue;
            items.Add((secondIds[r], -1, r));
            nonZero += BitOperations.PopCount(secondMasks[r]);
        }
        int capacity = 16;
        while (capacity < items.Count * 2) capacity <<= 1;
        var entries = new Entry[capacity];
        var packed = new TagWeight[nonZero];
        _mask = capacity - 1;
        int words = 64;
        while (words * 64 < items.Count * 16) words <<= 1;
        var filter = new ulong[words];
        _filterMask = words - 1;
        _tags = tags;
        Fill(entries, packed, items, firstMasks, firstWeights, secondMasks, secondWeights, tags);
        foreach (var item in items) filter[FilterWord(Normalize(item.Id))] |= FilterBits(Normalize(item.Id));
        _entries = entries;
        _weights = packed;
        _filter = filter;
    }

    private WeightTable(Block<Entry> entries, Block<TagWeight> weights, Block<ulong> filter, int tags)
    {
        _tags = tags;
        _entries = entries;
        _weights = weights;
        _mask = entries.Length - 1;
        _filter = filter;
        _filterMask = filter.Length - 1;
    }

    /// <summary>The sizes of the table's three blocks: slots, packed weights, filter words.</summary>
    internal (int Entries, int Weights, int FilterWords) Sizes => (_entries.Length, _weights.Length, _filter.Length);

    /// <summary>Writes the table as <see cref="Load"/> reads it: the entry count and entries (16 bytes each: key, start,
    /// first-stage count, second-stage count, two zero bytes), the weight count and weights (value, tag), the filter's
    /// length and words; little-endian, each block from a multiple of 8 bytes of the file.</summary>
    /// <remarks>Model files store the built table (format 5) so that a start-up maps it instead of building it from
    /// the stages' rows (~20 ms of every start, issue #33).</remarks>
    internal void Store(BinaryWriter w, int streamStart)
    {
        TableMemory.WriteCount(w, _entries.Length, streamStart);
        foreach (var e in _entries.Span)
        {
            w.Write(e.Key);
            w.Write(e.Start);
            w.Write(e.First);
            w.Write(e.Second);
            w.Write((ushort)0);
        }
        TableMemory.WriteBlock(w, _weights.Span, streamStart);
        TableMemory.WriteBlock(w, _filter.Span, streamStart);
    }

    /// <summary>Views a table that <see cref="Store"/> wrote, at byte <paramref name="p"/> of <paramref name="memory"/> (advanced past it),
    /// checking everything a lookup relies on to stay inside its arrays and to end: power-of-two sizes, an empty slot,
    /// weight ranges inside the weights, tags below <paramref name="tags"/>.</summary>
    /// <exception cref="FormatException">The stored table is damaged.</exception>
    internal static WeightTable Load(TableMemory memory, ref int p, int tags)
    {
        var entries = memory.ReadBlock<Entry>(ref p, "entry");
        var weights = memory.ReadBlock<TagWeight>(ref p, "weight");
        var filter = memory.ReadBlock<ulong>(ref p, "filter word");
        if (!BitOperations.IsPow2(entries.Length) || !BitOperations.IsPow2(filter.Length))
            throw new FormatException($"weight table of {entries.Length} slots and {filter.Length} filter words (powers of two expected)");
        // Every entry is checked, empty ones too (stored as zeros), so the loop has no branch but its one test.
        int empty = 0;
        bool outside = false;
        foreach (ref readonly var e in entries.Span)
        {
            empty += e.Key == 0 ? 1 : 0;
            outside |= e.Start < 0 | (long)e.Start + e.First + e.Second > weights.Length;
        }
        if (outside) throw new FormatException($"a weight table entry points past the {weights.Length} weights");
        if (empty == 0) throw new FormatException("weight table without an empty slot");
        // A weight is a float and its tag, so as one little-endian 64-bit value its tag is the high half: one vectorized
        // search finds any tag at or above the tag count.
        var packed = System.Runtime.InteropServices.MemoryMarshal.Cast<TagWeight, ulong>(weights.Span);
        if (RangeScan.IndexOfAtLeast(packed, (ulong)(uint)tags << 32) is var at and >= 0)
            throw new FormatException($"a stored weight names tag {weights.Span[at].Tag} of {tags}");
        return new WeightTable(entries, weights, filter, tags);
    }

    private static uint[] Masks(ReadOnlySpan<float> weights, int rows, int tags)
    {
        var masks = new uint[rows];
        for (int r = 0; r < rows; r++) masks[r] = NonZero(weights.Slice(r * tags, tags));
        return masks;
    }

    /// <summary>For each of <paramref name="firstIds"/>, its row among <paramref name="secondIds"/> (−1 when absent).</summary>
    private static int[] Partners(ReadOnlySpan<ulong> firstIds, ReadOnlySpan<ulong> secondIds, out bool[] partnered)
    {
        var partner = new int[firstIds.Length];
        partnered = new bool[secondIds.Length];
        Array.Fill(partner, -1);
        if (secondIds.IsEmpty) return partner;
        int size = 16;
        while (size < secondIds.Length * 2) size <<= 1;
        var keys = new ulong[size];
        var rows = new int[size];
        for (int r = 0; r < secondIds.Length; r++)
        {
            ulong key = Normalize(secondIds[r]);
            int slot = (int)key & (size - 1);
            while (keys[slot] != 0) slot = (slot + 1) & (size - 1);
            keys[slot] = key;
            rows[slot] = r;
        }
        for (int r = 0; r < firstIds.Length; r++)
        {
            ulong key = Normalize(firstIds[r]);
            for (int slot = (int)key & (size - 1); keys[slot] != 0; slot = (slot + 1) & (size - 1))
                if (keys[slot] == key)
                {
                    partner[r] = rows[slot];
                    partnered[rows[slot]] = true;
                    break;
                }
        }
        return partner;
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

    /// <summary>Packs each feature's non-zero weights (first stage's, then second's) and inserts its entry, in batches (model load time).</summary>
    /// <remarks>Each batch first reads its features' home slots, so their cache misses overlap instead of queueing
    /// behind each insertion's probe loop. The probes then read the slots again, since an insertion in the
    /// same batch may have taken one.</remarks>
    private void Fill(Entry[] entries, TagWeight[] packed, List<(ulong Id, int First, int Second)> items, uint[] firstMasks, ReadOnlySpan<float> firstWeights,
        uint[] secondMasks, ReadOnlySpan<float> secondWeights, int tags)
    {
        const int Batch = 16;
        Span<ulong> touched = stackalloc ulong[Batch];
        int next = 0;
        for (int first = 0; first < items.Count; first += Batch)
        {
            int end = Math.Min(first + Batch, items.Count);
            for (int i = first; i < end; i++) touched[i - first] = entries[(int)Normalize(items[i].Id) & _mask].Key;
            for (int i = first; i < end; i++)
            {
                var (id, r1, r2) = items[i];
                int start = next;
                if (r1 >= 0) next = Pack(packed, firstMasks[r1], firstWeights.Slice(r1 * tags, tags), next);
                int split = next - start;
                if (r2 >= 0) next = Pack(packed, secondMasks[r2], secondWeights.Slice(r2 * tags, tags), next);
                ulong key = Normalize(id);
                int slot = (int)key & _mask;
                while (entries[slot].Key != 0) slot = (slot + 1) & _mask;
                entries[slot] = new Entry(key, start, (byte)split, (byte)(next - start - split));
            }
        }
    }

    private static int Pack(TagWeight[] packed, uint mask, ReadOnlySpan<float> row, int next)
    {
        for (; mask != 0; mask &= mask - 1)
        {
            int k = BitOperations.TrailingZeroCount(mask);
            packed[next++] = new TagWeight(row[k], k);
        }
        return next;
    }

    /// <summary>Adds the (first stage's) weights of the known features among <paramref name="ids"/> into <paramref name="scores"/>, in id order.</summary>
    /// <param name="ids">Feature ids (at most <paramref name="scratch"/>'s length).</param>
    /// <param name="scores">One score per tag.</param>
    /// <param name="scratch">Caller-owned working space, one per thread.</param>
    /// <remarks>
    /// Two passes: the first reads every id's home slot before any is compared, so the cache misses of all
    /// the features are in flight together rather than one after another behind mispredicted branches.
    /// </remarks>
    public void AddScores(ReadOnlySpan<ulong> ids, Span<float> scores, Scratch scratch) => AddScores(ids, scores, [], scratch);

    /// <summary>As <see cref="AddScores(ReadOnlySpan{ulong}, Span{float}, Scratch)"/> for a <see cref="Pair"/> table: the first
    /// stage's weights into <paramref name="first"/> (skipped when empty), the second's into <paramref name="second"/>.</summary>
    public void AddScores(ReadOnlySpan<ulong> ids, Span<float> first, Span<float> second, Scratch scratch)
    {
        var found = scratch.Found.AsSpan(0, Find(ids, scratch.Found, scratch));
        AddFound(found, first, second);
    }

    /// <summary>The slots of the known features among <paramref name="ids"/>, in id order, into <paramref name="slots"/>
    /// (returns how many), and a prefetch of each one's weights for <see cref="AddFound"/>.</summary>
    /// <remarks>
    /// Two passes: the first reads every id's home slot before any is compared, so the cache misses of all
    /// the features are in flight together rather than one after another behind mispredicted branches.
    /// </remarks>
    public unsafe int Find(ReadOnlySpan<ulong> ids, Span<int> slots, Scratch scratch)
    {
        var entries = _entries.Span;
        var firstKeys = scratch.Keys.AsSpan(0, ids.Length);
        var filter = _filter.Span;
        for (int i = 0; i < ids.Length; i++)
        {
            ulong id = Normalize(ids[i]);
            ulong bits = FilterBits(id);
            // An id the filter rules out is skipped like one whose home slot is empty.
            firstKeys[i] = (filter[FilterWord(id)] & bits) == bits ? entries[(int)id & _mask].Key : 0;
        }
        ref TagWeight weights = ref MemoryMarshal.GetReference(_weights.Span);
        int found = 0;
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
            slots[found++] = slot;
            if (Sse.IsSupported)
            {
                // The first and last of the feature's weights: most features have a few (four weights in five are zero), one or two lines.
                ref readonly var entry = ref entries[slot];
                Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref weights, entry.Start)));
                Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref weights, entry.Start + entry.First + entry.Second - 1)));
            }
        }
        return found;
    }

    /// <summary>Adds the weights of the features at <paramref name="slots"/> (from <see cref="Find"/>): the first stage's into
    /// <paramref name="first"/> (skipped when empty), the second's into <paramref name="second"/> (skipped when empty).</summary>
    public void AddFound(ReadOnlySpan<int> slots, Span<float> first, Span<float> second)
    {
        // Indexed without a bounds check per weight (those were a third of the loop's instructions): every tag is below
        // _tags and every entry's weights lie inside the block, checked when the table was built or loaded.
        if (!first.IsEmpty && first.Length < _tags || !second.IsEmpty && second.Length < _tags)
            throw new ArgumentException($"Scores for {_tags} tags expected.");
        var entries = _entries.Span;
        ref TagWeight weights = ref MemoryMarshal.GetReference(_weights.Span);
        ref float firstScores = ref MemoryMarshal.GetReference(first);
        ref float secondScores = ref MemoryMarshal.GetReference(second);
        foreach (int slot in slots)
        {
            // Counts copied out: the compiler cannot tell that the score stores leave the entry alone.
            var (start, inFirst, inSecond) = (entries[slot].Start, (int)entries[slot].First, (int)entries[slot].Second);
            ref TagWeight w = ref Unsafe.Add(ref weights, start);
            if (!first.IsEmpty) AddWeights(ref w, inFirst, ref firstScores);
            if (!second.IsEmpty) AddWeights(ref Unsafe.Add(ref w, inFirst), inSecond, ref secondScores);
        }
    }

    /// <summary><c>scores[tag] += value</c> for <paramref name="count"/> weights from <paramref name="w"/>, in their order.</summary>
    /// <remarks>
    /// Most features the tagger meets carry many weights: over the benchmark corpus 254 million were added, 12.5 a
    /// feature, and 45% of the features had one for every tag (counted in a temporary build). One at a time, each is a
    /// load of its tag, of the score and a store. So eight weights whose tags run consecutively (as a feature's do
    /// wherever it has every tag in a row: they are packed in tag order) are added as one vector: the values taken from
    /// between the tags, the eight scores loaded, added to and stored. Each score still gets each feature's weight
    /// once and in the same order, so every sum is bit-identical; eight that do not run consecutively (a sparse
    /// feature, or a table read from a file that packs otherwise) leave the rest to the loop.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddWeights(ref TagWeight w, int count, ref float scores)
    {
        int k = 0;
        if (Avx2.IsSupported)
        {
            ref float raw = ref Unsafe.As<TagWeight, float>(ref w);
            for (; k + 8 <= count; k += 8)
            {
                // Value, tag, value, tag…: the shuffles take the even lanes of both halves, then put them in order.
                var a = Vector256.LoadUnsafe(ref raw, (nuint)(2 * k));
                var b = Vector256.LoadUnsafe(ref raw, (nuint)(2 * k + 8));
                var tags = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsInt32();
                int from = tags.ToScalar();
                if (tags != Vector256.Create(from) + Vector256<int>.Indices) break;
                var values = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
                ref float target = ref Unsafe.Add(ref scores, from);
                (Vector256.LoadUnsafe(ref target) + values).StoreUnsafe(ref target);
            }
        }
        for (; k < count; k++)
            Unsafe.Add(ref scores, Unsafe.Add(ref w, k).Tag) += Unsafe.Add(ref w, k).Value;
    }

    /// <summary>Asks the processor to bring in the filter words and home slots that <see cref="Find"/> will read for
    /// <paramref name="ids"/>, without waiting for them.</summary>
    /// <remarks>The tagger calls it for the next token's features before scoring the current one, so the next token's
    /// cache misses are served while this one is summed (a prefetch never faults, and a wrong address only wastes it).</remarks>
    public unsafe void Prefetch(ReadOnlySpan<ulong> ids)
    {
        if (!Sse.IsSupported) return;
        ref ulong filter = ref MemoryMarshal.GetReference(_filter.Span);
        ref Entry entries = ref MemoryMarshal.GetReference(_entries.Span);
        foreach (ulong raw in ids)
        {
            ulong id = Normalize(raw);
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref filter, FilterWord(id))));
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref entries, (int)id & _mask)));
        }
    }

    /// <summary>As the other overload, one feature at a time (for callers without scratch space).</summary>
    public void AddScores(ReadOnlySpan<ulong> ids, Span<float> scores)
    {
        var entries = _entries.Span;
        var weights = _weights.Span;
        foreach (ulong raw in ids)
        {
            ulong id = Normalize(raw);
            int slot = (int)id & _mask;
            ulong key;
            while ((key = entries[slot].Key) != id && key != 0) slot = (slot + 1) & _mask;
            if (key == 0) continue;
            ref readonly var entry = ref entries[slot];
            foreach (var w in weights.Slice(entry.Start, entry.First)) scores[w.Tag] += w.Value;
        }
    }

    /// <summary>The filter word of an id: bits the slot index (the low bits) does not use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FilterWord(ulong id) => (int)(id >> 40) & _filterMask;

    /// <summary>The two bits an id sets in its filter word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FilterBits(ulong id) => (1UL << (int)(id >> 28)) | (1UL << (int)(id >> 34));

    /// <summary>Id 0 marks an empty slot, so it is stored (and looked up) as 1, as <see cref="FeatureIndex"/> does.</summary>
    private static ulong Normalize(ulong id) => id == 0 ? 1 : id;

    /// <summary>Per-thread working space for <see cref="AddScores(ReadOnlySpan{ulong}, Span{float}, Scratch)"/>.</summary>
    public sealed class Scratch(int capacity)
    {
        public readonly ulong[] Keys = new ulong[capacity];
        public readonly int[] Found = new int[capacity];
    }

    /// <summary>A feature: its key, where its weights start, how many belong to the first stage and how many to the second.</summary>
    /// <remarks>Sixteen bytes as <see cref="Store"/> writes them field by field (key, start, two counts, two zero bytes of
    /// padding), which <see cref="Load"/> reads in place.</remarks>
    [StructLayout(LayoutKind.Sequential, Size = 16)]
    private readonly record struct Entry(ulong Key, int Start, byte First, byte Second);

    [StructLayout(LayoutKind.Sequential, Size = 8)]
    private readonly record struct TagWeight(float Value, int Tag);
}
