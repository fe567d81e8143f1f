using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Extractor.Recognition.Decoding;

/// <summary>Best tag sequence and per-token confidences for one sentence under a first-order model.</summary>
/// <remarks>
/// Disallowed transitions (e.g. O → I-PER) are excluded inside the search rather than repaired
/// afterwards, so every output is a valid span sequence. Ties break towards the lower tag index,
/// which makes decoding deterministic. Buffers are reused across calls: one decoder per thread.
/// <para>
/// Both recursions run dense over vectors of tags, disallowed transitions scored <c>−∞</c> in Viterbi
/// (<see cref="DecodeVectors"/>) and weighted zero in forward-backward (<see cref="ForwardBackward{T}"/>), with
/// their running sums and maxima in registers: eight tags per instruction beat walking the 97 allowed of the
/// 289 BILOU pairs one at a time, which <see cref="DecodeSparse"/> still does for larger tag sets.
/// </para>
/// </remarks>
internal sealed class ViterbiDecoder
{
    /// <summary>Tag sets up to this size are decoded three float vectors at a time (BILOU has 17 tags).</summary>
    private const int VectorTags = 3 * 8;

    private float[] _delta = new float[256];
    private int[] _back = new int[256];
    private readonly float[] _trainerScores = new float[(VectorTags + 2) * VectorTags];
    // One per stage: a runner decodes the first pass and then the second for every document.
    private readonly ScoreTable?[] _scores = new ScoreTable?[2];
    private readonly ForwardBackward<float> _single = new();
    private readonly ForwardBackward<double> _double = new();
    private Lattice? _lattice;

    /// <summary>Decodes <paramref name="emissions"/> (<c>n × tags</c>) into <paramref name="tags"/>.</summary>
    public void Decode(ITransitionScores model, ReadOnlySpan<float> emissions, int n, Span<int> tags)
    {
        int t = model.Tags.Count;
        if (t > VectorTags)
        {
            DecodeSparse(model.Tags, model.Transitions, model.Start, model.End, emissions, n, tags);
            return;
        }
        DecodeVectors(t, ScoresOf(model).Values, emissions, n, tags);
    }

    private ScoreTable ScoresOf(ITransitionScores model)
    {
        foreach (var cached in _scores)
            if (cached is not null && ReferenceEquals(cached.Model, model)) return cached;
        var values = new float[(model.Tags.Count + 2) * VectorTags];
        FillScores(LatticeOf(model.Tags), model.Transitions, model.Start, model.End, values);
        var table = new ScoreTable(model, values);
        // The older entry gives way: with two stages, each keeps its own.
        _scores[1] = _scores[0];
        _scores[0] = table;
        return table;
    }

    /// <summary>Decodes with explicit transition weights (the trainer's current, non-averaged ones).</summary>
    public void Decode(TagSet set, ReadOnlySpan<float> trans, ReadOnlySpan<float> start, ReadOnlySpan<float> end,
        ReadOnlySpan<float> emissions, int n, Span<int> tags)
    {
        int t = set.Count;
        if (t > VectorTags)
        {
            DecodeSparse(set, trans, start, end, emissions, n, tags);
            return;
        }
        var values = _trainerScores.AsSpan(0, (t + 2) * VectorTags);
        FillScores(LatticeOf(set), trans, start, end, values);
        DecodeVectors(t, values, emissions, n, tags);
    }

    /// <summary>Viterbi over <paramref name="table"/>: <paramref name="t"/> rows of transition scores from each tag
    /// (<c>−∞</c> where not allowed), then the start row and the end row, each <see cref="VectorTags"/> wide
    /// (<c>−∞</c> beyond <paramref name="t"/>).</summary>
    /// <remarks>
    /// Each position takes the previous position's tags as predecessors in ascending order and updates all of its
    /// own tags at once, eight to a vector, the running maxima held in registers. Even and odd predecessors keep
    /// separate maxima (two short dependency chains instead of one long one), merged at the end. A candidate
    /// replaces a maximum only when strictly greater, and the merge prefers the lower predecessor on equal
    /// scores, so ties go to the lowest predecessor, and every sum is <c>(δ + transition) + emission</c>,
    /// as in <see cref="DecodeSparse"/>: the same tags, to the bit.
    /// </remarks>
    private void DecodeVectors(int t, ReadOnlySpan<float> table, ReadOnlySpan<float> emissions, int n, Span<int> tags)
    {
        const int w = VectorTags, lanes = 8;
        Ensure(ref _delta, n * w);
        Ensure(ref _back, n * w);
        var delta = _delta.AsSpan(0, n * w);
        var back = _back.AsSpan(0, n * w);
        var endRow = table.Slice((t + 1) * w, w);
        table.Slice(t * w, w).CopyTo(delta);
        for (int k = 0; k < t; k++) delta[k] += emissions[k];
        ref float rows = ref MemoryMarshal.GetReference(table);
        var minus = Vector256.Create(float.NegativeInfinity);
        // Which tags the third vector holds: all it can (a wide set), or the one of BILOU's 17 (LastColumn), which is then
        // decoded as a column across the predecessors instead, a third of the work for one tag in eight lanes.
        bool column = t == 2 * lanes + 1 && Avx.IsSupported, third = t > 2 * lanes && !column;
        Span<float> into = stackalloc float[w];
        if (column)
            for (int j = 0; j < w; j++) into[j] = j < t ? table[j * w + 2 * lanes] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            var previous = delta.Slice((i - 1) * w, w);
            Vector256<float> e0 = minus, e1 = minus, e2 = minus, o0 = minus, o1 = minus, o2 = minus;
            Vector256<int> ea0 = default, ea1 = default, ea2 = default, oa0 = default, oa1 = default, oa2 = default;
            int j = 0;
            for (; j + 1 < t; j += 2)
            {
                ref float r = ref Unsafe.Add(ref rows, j * w);
                var p = Vector256.Create(previous[j]);
                Keep(ref e0, ref ea0, p + Vector256.LoadUnsafe(ref r), j);
                Keep(ref e1, ref ea1, p + Vector256.LoadUnsafe(ref r, lanes), j);
                if (third) Keep(ref e2, ref ea2, p + Vector256.LoadUnsafe(ref r, 2 * lanes), j);
                ref float q = ref Unsafe.Add(ref r, w);
                var pq = Vector256.Create(previous[j + 1]);
                Keep(ref o0, ref oa0, pq + Vector256.LoadUnsafe(ref q), j + 1);
                Keep(ref o1, ref oa1, pq + Vector256.LoadUnsafe(ref q, lanes), j + 1);
                if (third) Keep(ref o2, ref oa2, pq + Vector256.LoadUnsafe(ref q, 2 * lanes), j + 1);
            }
            if (j < t)
            {
                ref float r = ref Unsafe.Add(ref rows, j * w);
                var p = Vector256.Create(previous[j]);
                Keep(ref e0, ref ea0, p + Vector256.LoadUnsafe(ref r), j);
                Keep(ref e1, ref ea1, p + Vector256.LoadUnsafe(ref r, lanes), j);
                if (third) Keep(ref e2, ref ea2, p + Vector256.LoadUnsafe(ref r, 2 * lanes), j);
            }
            ref float best = ref delta[i * w];
            ref int from = ref back[i * w];
            Merge(e0, ea0, o0, oa0, ref best, ref from, 0);
            Merge(e1, ea1, o1, oa1, ref best, ref from, lanes);
            if (column) LastColumn(previous, into, ref best, ref from, 2 * lanes);
            else Merge(e2, ea2, o2, oa2, ref best, ref from, 2 * lanes);
            var current = delta.Slice(i * w, t);
            var emission = emissions.Slice(i * t, t);
            for (int k = 0; k < t; k++) current[k] += emission[k];
        }
        float top = float.NegativeInfinity;
        int last = 0;
        for (int k = 0; k < t; k++)
        {
            float v = delta[(n - 1) * w + k] + endRow[k];
            if (v > top) { top = v; last = k; }
        }
        tags[n - 1] = last;
        for (int i = n - 1; i > 0; i--) tags[i - 1] = back[i * w + tags[i]];
    }

    /// <summary>Where <paramref name="candidate"/> beats <paramref name="best"/>, takes it and predecessor <paramref name="j"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keep(ref Vector256<float> best, ref Vector256<int> arg, Vector256<float> candidate, int j)
    {
        var better = Vector256.GreaterThan(candidate, best);
        best = Vector256.ConditionalSelect(better, candidate, best);
        arg = Vector256.ConditionalSelect(better.AsInt32(), Vector256.Create(j), arg);
    }

    /// <summary>The best predecessor of the tag at lane <paramref name="offset"/> (the last of the set), all 24 candidates
    /// at once: the highest of <c>previous[j] + into[j]</c> and the lowest <c>j</c> that reaches it, as the scan of
    /// <see cref="Keep"/> and <see cref="Merge"/> would choose (a later candidate wins only when strictly greater, the
    /// lower predecessor on a tie). Lanes past the set hold −∞ in both rows, so they never win but when every candidate
    /// is −∞, and then predecessor 0, as the scan leaves it. The lanes after it are stored as −∞, as a vector's would be.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LastColumn(ReadOnlySpan<float> previous, ReadOnlySpan<float> into, ref float best, ref int from, int offset)
    {
        ref float p = ref MemoryMarshal.GetReference(previous);
        ref float c = ref MemoryMarshal.GetReference(into);
        var c0 = Vector256.LoadUnsafe(ref p) + Vector256.LoadUnsafe(ref c);
        var c1 = Vector256.LoadUnsafe(ref p, 8) + Vector256.LoadUnsafe(ref c, 8);
        var c2 = Vector256.LoadUnsafe(ref p, 16) + Vector256.LoadUnsafe(ref c, 16);
        // No candidate is NaN or −0 (sums of finite weights and −∞), so the processor's max is the maximum.
        var m = Avx.Max(Avx.Max(c0, c1), c2);
        m = Avx.Max(m, Avx.Permute2x128(m, m, 1));
        m = Avx.Max(m, Avx.Permute(m, 0b01_00_11_10));
        m = Avx.Max(m, Avx.Permute(m, 0b10_11_00_01));
        var top = Vector256.Create(m.ToScalar());
        uint hits = Vector256.Equals(c0, top).ExtractMostSignificantBits()
            | Vector256.Equals(c1, top).ExtractMostSignificantBits() << 8
            | Vector256.Equals(c2, top).ExtractMostSignificantBits() << 16;
        Vector256.Create(float.NegativeInfinity).WithElement(0, m.ToScalar()).StoreUnsafe(ref best, (nuint)offset);
        Vector256<int>.Zero.WithElement(0, System.Numerics.BitOperations.TrailingZeroCount(hits)).StoreUnsafe(ref from, (nuint)offset);
    }

    /// <summary>Stores the better of the even and odd maxima (the lower predecessor on a tie) at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge(Vector256<float> even, Vector256<int> evenArg, Vector256<float> odd, Vector256<int> oddArg,
        ref float best, ref int from, int offset)
    {
        var takeOdd = Vector256.GreaterThan(odd, even) | (Vector256.Equals(odd, even) & Vector256.LessThan(oddArg, evenArg).AsSingle());
        Vector256.ConditionalSelect(takeOdd, odd, even).StoreUnsafe(ref best, (nuint)offset);
        Vector256.ConditionalSelect(takeOdd.AsInt32(), oddArg, evenArg).StoreUnsafe(ref from, (nuint)offset);
    }

    /// <summary>Lays out <see cref="DecodeVectors"/>'s table.</summary>
    private static void FillScores(Lattice lattice, ReadOnlySpan<float> trans, ReadOnlySpan<float> start, ReadOnlySpan<float> end,
        Span<float> values)
    {
        const int w = VectorTags;
        int t = lattice.Start.Length;
        values.Fill(float.NegativeInfinity);
        for (int k = 0; k < t; k++)
        {
            for (int p = lattice.Offsets[k]; p < lattice.Offsets[k + 1]; p++)
            {
                int j = lattice.From[p];
                values[j * w + k] = trans[j * t + k];
            }
            if (lattice.Start[k]) values[t * w + k] = start[k];
            if (lattice.End[k]) values[(t + 1) * w + k] = end[k];
        }
    }

    /// <summary>Viterbi one allowed transition at a time, for tag sets wider than <see cref="VectorTags"/>.</summary>
    private void DecodeSparse(TagSet set, ReadOnlySpan<float> trans, ReadOnlySpan<float> start, ReadOnlySpan<float> end,
        ReadOnlySpan<float> emissions, int n, Span<int> tags)
    {
        int t = set.Count;
        var lattice = LatticeOf(set);
        Ensure(ref _delta, n * t);
        Ensure(ref _back, n * t);
        var delta = _delta.AsSpan(0, n * t);
        var back = _back.AsSpan(0, n * t);
        var offsets = lattice.Offsets;
        var from = lattice.From;
        for (int k = 0; k < t; k++)
            delta[k] = lattice.Start[k] ? start[k] + emissions[k] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            var previous = delta.Slice((i - 1) * t, t);
            for (int k = 0; k < t; k++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = offsets[k]; p < offsets[k + 1]; p++)
                {
                    int j = from[p];
                    float v = previous[j] + trans[j * t + k];
                    if (v > best) { best = v; arg = j; }
                }
                delta[i * t + k] = best + emissions[i * t + k];
                back[i * t + k] = arg;
            }
        }
        float top = float.NegativeInfinity;
        int last = 0;
        for (int k = 0; k < t; k++)
        {
            if (!lattice.End[k]) continue;
            float v = delta[(n - 1) * t + k] + end[k];
            if (v > top) { top = v; last = k; }
        }
        tags[n - 1] = last;
        for (int i = n - 1; i > 0; i--) tags[i - 1] = back[i * t + tags[i]];
    }

    /// <summary>Writes the marginal probability of each token's given tag (forward-backward over tempered scores).</summary>
    /// <remarks>In single precision, twice the tags per instruction of double; a sentence whose scores are so far apart
    /// that a whole position underflows a float (a score gap of ~87 after tempering) is redone in double.</remarks>
    public void Confidences(ITransitionScores model, ReadOnlySpan<float> emissions, int n, ReadOnlySpan<int> tags, Span<float> confidence)
    {
        if (_single.TryMarginals(model, emissions, n, tags, confidence)) return;
        if (_double.TryMarginals(model, emissions, n, tags, confidence)) return;
        confidence[..n].Clear();
    }

    private Lattice LatticeOf(TagSet set)
    {
        if (_lattice is not { } lattice || !ReferenceEquals(lattice.Set, set)) _lattice = lattice = new Lattice(set);
        return lattice;
    }

    private static void Ensure<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size) buffer = new T[Math.Max(size, buffer.Length * 2)];
    }

    /// <summary>One model's transition, start and end scores laid out for <see cref="DecodeVectors"/>.</summary>
    private sealed record ScoreTable(ITransitionScores Model, float[] Values);

    /// <summary>A tag set's allowed transitions as predecessor lists: tag k's predecessors are <c>From[Offsets[k]..Offsets[k+1]]</c>, ascending.</summary>
    private sealed class Lattice
    {
        public Lattice(TagSet set)
        {
            Set = set;
            int t = set.Count;
            Offsets = new int[t + 1];
            Start = new bool[t];
            End = new bool[t];
            var from = new List<int>();
            for (int k = 0; k < t; k++)
            {
                Start[k] = set.AllowedStart(k);
                End[k] = set.AllowedEnd(k);
                for (int j = 0; j < t; j++)
                    if (set.Allowed(j, k)) from.Add(j);
                Offsets[k + 1] = from.Count;
            }
            From = [.. from];
        }

        public TagSet Set { get; }
        public int[] Offsets { get; }
        public int[] From { get; }
        public bool[] Start { get; }
        public bool[] End { get; }
    }
}
