using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Extractor.Recognition;

/// <summary>Best tag sequence and per-token confidences for one sentence under a first-order model.</summary>
/// <remarks>
/// Disallowed transitions (e.g. O → I-PER) are excluded inside the search rather than repaired
/// afterwards, so every output is a valid span sequence. Ties break towards the lower tag index,
/// which makes decoding deterministic. Buffers are reused across calls: one decoder per thread.
/// <para>
/// Viterbi walks only the allowed transitions (<see cref="Lattice"/>: 97 of the 289 BILOU pairs) in
/// ascending order, so results are those of the dense loop with its <c>Allowed</c> test. Forward-backward
/// runs dense instead, with disallowed transitions weighted zero (<see cref="Confidences"/>).
/// </para>
/// </remarks>
internal sealed class ViterbiDecoder
{
    private float[] _delta = new float[256];
    private int[] _back = new int[256];
    private double[] _alpha = new double[256];
    private double[] _beta = new double[256];
    private double[] _emit = new double[256];
    private double[] _weighted = new double[32];
    private Lattice? _lattice;
    private TransitionTable? _transitions;

    /// <summary>Decodes <paramref name="emissions"/> (<c>n × tags</c>) into <paramref name="tags"/>.</summary>
    public void Decode(PerceptronModel model, ReadOnlySpan<float> emissions, int n, Span<int> tags) =>
        Decode(model.Tags, model.Transitions, model.Start, model.End, emissions, n, tags);

    /// <summary>Decodes with explicit transition weights (the trainer's current, non-averaged ones).</summary>
    public void Decode(TagSet set, ReadOnlySpan<float> trans, ReadOnlySpan<float> start, ReadOnlySpan<float> end,
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
    /// <remarks>
    /// Scaled probabilities instead of log-space sums: one <c>exp</c> per tag and token instead of one per
    /// transition. Each position's forward and backward vectors are divided by their maximum, which keeps
    /// products in range for any sentence length; no scale needs remembering, because a marginal is <c>α·β</c>
    /// at its position over that position's own <c>Σ α·β</c>, which the same factors divide. The recursions
    /// are dense products with the exponentiated transition matrix (zero where a transition is not allowed),
    /// rows padded to whole vectors: four tags per instruction beat walking the 97 allowed pairs one by one.
    /// </remarks>
    public void Confidences(PerceptronModel model, ReadOnlySpan<float> emissions, int n, ReadOnlySpan<int> tags, Span<float> confidence)
    {
        int t = model.Tags.Count;
        double inv = 1.0 / model.Temperature;
        var transitions = Transitions(model, LatticeOf(model.Tags), inv);
        int w = transitions.Width;
        Ensure(ref _alpha, n * w);
        Ensure(ref _beta, n * w);
        Ensure(ref _emit, n * w);
        var alpha = _alpha.AsSpan(0, n * w);
        var beta = _beta.AsSpan(0, n * w);
        var emit = _emit.AsSpan(0, n * w);
        ExpEmissions(emissions, n, t, w, inv, emit);
        Forward(transitions, emit, alpha);
        Backward(transitions, emit, beta);
        for (int i = 0; i < n; i++)
        {
            var a = alpha.Slice(i * w, w);
            var b = beta.Slice(i * w, w);
            double z = 0;
            for (int k = 0; k < t; k++) z += a[k] * b[k];
            int tag = tags[i];
            confidence[i] = z > 0 ? (float)Math.Clamp(a[tag] * b[tag] / z, 0.0, 1.0) : 0f;
        }
    }

    /// <summary>alpha[i][k] ∝ Σ_j alpha[i-1][j]·T[j,k] · E[i][k], each position divided by its maximum.</summary>
    private static void Forward(TransitionTable transitions, ReadOnlySpan<double> emit, Span<double> alpha)
    {
        int w = transitions.Width;
        int n = alpha.Length / w;
        var start = transitions.Start;
        for (int k = 0; k < w; k++) alpha[k] = start[k] * emit[k];
        Rescale(alpha[..w]);
        for (int i = 1; i < n; i++)
        {
            // Row vector times matrix: the sum of T's rows, each weighted by the previous position's alpha.
            Combine(alpha.Slice((i - 1) * w, w), transitions.Forward, alpha.Slice(i * w, w));
            Multiply(alpha.Slice(i * w, w), emit.Slice(i * w, w));
            Rescale(alpha.Slice(i * w, w));
        }
    }

    /// <summary>beta[i][j] ∝ Σ_k T[j,k] · E[i+1][k] · beta[i+1][k], each position divided by its maximum.</summary>
    private void Backward(TransitionTable transitions, ReadOnlySpan<double> emit, Span<double> beta)
    {
        int w = transitions.Width;
        int n = beta.Length / w;
        Ensure(ref _weighted, w);
        var weighted = _weighted.AsSpan(0, w);
        transitions.End.CopyTo(beta.Slice((n - 1) * w, w));
        Rescale(beta.Slice((n - 1) * w, w));
        for (int i = n - 2; i >= 0; i--)
        {
            beta.Slice((i + 1) * w, w).CopyTo(weighted);
            Multiply(weighted, emit.Slice((i + 1) * w, w));
            // Matrix times column vector: the sum of T's columns (rows of its transpose), weighted.
            Combine(weighted, transitions.Backward, beta.Slice(i * w, w));
            Rescale(beta.Slice(i * w, w));
        }
    }

    /// <summary><c>into = Σ_j weights[j] · rows[j]</c>, rows <c>into.Length</c> wide; zero weights are skipped.</summary>
    private static void Combine(ReadOnlySpan<double> weights, ReadOnlySpan<double> rows, Span<double> into)
    {
        int w = into.Length;
        into.Clear();
        var sum = MemoryMarshal.Cast<double, Vector256<double>>(into);
        for (int j = 0; j < w; j++)
        {
            double weight = weights[j];
            if (weight == 0) continue;
            var factor = Vector256.Create(weight);
            var row = MemoryMarshal.Cast<double, Vector256<double>>(rows.Slice(j * w, w));
            for (int v = 0; v < sum.Length; v++) sum[v] += factor * row[v];
        }
    }

    /// <summary><c>values *= by</c>, element-wise.</summary>
    private static void Multiply(Span<double> values, ReadOnlySpan<double> by)
    {
        var a = MemoryMarshal.Cast<double, Vector256<double>>(values);
        var b = MemoryMarshal.Cast<double, Vector256<double>>(by);
        for (int v = 0; v < a.Length; v++) a[v] *= b[v];
    }

    /// <summary>E[i][k] = exp((emission − max over k)·inv), rows padded with zeros to <paramref name="width"/>:
    /// each token's factor is scaled, which the marginals do not see.</summary>
    /// <remarks>The exponentials run four at a time (<see cref="Vector256.Exp(Vector256{double})"/>, within an ulp
    /// of <see cref="Math.Exp"/>; outputs are floats, 29 bits coarser).</remarks>
    private static void ExpEmissions(ReadOnlySpan<float> emissions, int n, int t, int width, double inv, Span<double> emit)
    {
        for (int i = 0; i < n; i++)
        {
            var row = emissions.Slice(i * t, t);
            float max = float.NegativeInfinity;
            foreach (float e in row) max = Math.Max(max, e);
            var target = emit.Slice(i * width, width);
            for (int k = 0; k < t; k++) target[k] = (row[k] - (double)max) * inv;
            for (int v = 0; v < t; v += Vector256<double>.Count)
                Vector256.Exp(Vector256.Create<double>(target.Slice(v, Vector256<double>.Count))).CopyTo(target.Slice(v, Vector256<double>.Count));
            target[t..].Clear();
        }
    }

    /// <summary>Divides by the maximum so the largest entry is 1 (an all-zero vector stays as it is).</summary>
    private static void Rescale(Span<double> values)
    {
        var vectors = MemoryMarshal.Cast<double, Vector256<double>>(values);
        var top = Vector256<double>.Zero;
        foreach (var v in vectors) top = Vector256.Max(top, v);
        double max = 0;
        for (int k = 0; k < Vector256<double>.Count; k++) max = Math.Max(max, top[k]);
        if (max == 0 || max == 1) return;
        var scale = Vector256.Create(1 / max);
        for (int v = 0; v < vectors.Length; v++) vectors[v] *= scale;
    }

    /// <summary>The model's transitions for forward-backward; cached for the last model seen (a runner
    /// alternates between two stages per document, not per sentence).</summary>
    private TransitionTable Transitions(PerceptronModel model, Lattice lattice, double inv)
    {
        if (_transitions is { } cached && ReferenceEquals(cached.Model, model)) return cached;
        int t = lattice.Start.Length;
        int w = (t + Vector256<double>.Count - 1) / Vector256<double>.Count * Vector256<double>.Count;
        // Common factors (the largest weight of each kind) are divided out: the marginals do not see them.
        double max = double.NegativeInfinity, startMax = double.NegativeInfinity, endMax = double.NegativeInfinity;
        for (int k = 0; k < t; k++)
        {
            for (int p = lattice.Offsets[k]; p < lattice.Offsets[k + 1]; p++) max = Math.Max(max, model.Transitions[lattice.From[p] * t + k] * inv);
            if (lattice.Start[k]) startMax = Math.Max(startMax, model.Start[k] * inv);
            if (lattice.End[k]) endMax = Math.Max(endMax, model.End[k] * inv);
        }
        var forward = new double[w * w];
        var backward = new double[w * w];
        var start = new double[w];
        var end = new double[w];
        for (int k = 0; k < t; k++)
        {
            for (int p = lattice.Offsets[k]; p < lattice.Offsets[k + 1]; p++)
            {
                int j = lattice.From[p];
                forward[j * w + k] = backward[k * w + j] = Math.Exp(model.Transitions[j * t + k] * inv - max);
            }
            if (lattice.Start[k]) start[k] = Math.Exp(model.Start[k] * inv - startMax);
            if (lattice.End[k]) end[k] = Math.Exp(model.End[k] * inv - endMax);
        }
        return _transitions = new TransitionTable(model, w, forward, backward, start, end);
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

    /// <summary>One model's tempered, exponentiated weights, <see cref="Width"/> tags wide (zero-padded, zero where not allowed):
    /// <see cref="Forward"/> is <c>[from × Width + to]</c>, <see cref="Backward"/> its transpose.</summary>
    private sealed record TransitionTable(PerceptronModel Model, int Width, double[] Forward, double[] Backward, double[] Start, double[] End);
}
