using System.Runtime.Intrinsics;

namespace Extractor.Recognition;

/// <summary>Best tag sequence and per-token confidences for one sentence under a first-order model.</summary>
/// <remarks>
/// Disallowed transitions (e.g. O → I-PER) are excluded inside the search rather than repaired
/// afterwards, so every output is a valid span sequence. Ties break towards the lower tag index,
/// which makes decoding deterministic. Buffers are reused across calls: one decoder per thread.
/// <para>
/// Both recursions walk only the allowed transitions (<see cref="Lattice"/>: 97 of the 289 BILOU pairs)
/// in ascending order, so results are those of the dense loop with its <c>Allowed</c> test.
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
    /// allowed transition (97 per token for BILOU, each way). Each position's forward and backward vectors
    /// are divided by their maximum, which keeps products in range for any sentence length; no scale needs
    /// remembering, because a marginal is <c>α·β</c> at its position over that position's own <c>Σ α·β</c>,
    /// which the same factors divide. So the recursions take no logarithm at all.
    /// </remarks>
    public void Confidences(PerceptronModel model, ReadOnlySpan<float> emissions, int n, ReadOnlySpan<int> tags, Span<float> confidence)
    {
        int t = model.Tags.Count;
        double inv = 1.0 / model.Temperature;
        var lattice = LatticeOf(model.Tags);
        var transitions = Transitions(model, lattice, inv);
        Ensure(ref _alpha, n * t);
        Ensure(ref _beta, n * t);
        Ensure(ref _emit, n * t);
        var alpha = _alpha.AsSpan(0, n * t);
        var beta = _beta.AsSpan(0, n * t);
        var emit = _emit.AsSpan(0, n * t);
        ExpEmissions(emissions, n, t, inv, emit);
        Forward(model, lattice, transitions, emissions, emit, inv, alpha);
        Backward(model, lattice, transitions, emit, inv, beta);
        for (int i = 0; i < n; i++)
        {
            var a = alpha.Slice(i * t, t);
            var b = beta.Slice(i * t, t);
            double z = 0;
            for (int k = 0; k < t; k++) z += a[k] * b[k];
            int tag = tags[i];
            confidence[i] = z > 0 ? (float)Math.Clamp(a[tag] * b[tag] / z, 0.0, 1.0) : 0f;
        }
    }

    /// <summary>alpha[i][k] ∝ Σ_j alpha[i-1][j]·T[j,k] · E[i][k], each position divided by its maximum.</summary>
    private static void Forward(PerceptronModel model, Lattice lattice, TransitionTable transitions, ReadOnlySpan<float> emissions,
        ReadOnlySpan<double> emit, double inv, Span<double> alpha)
    {
        int t = lattice.Start.Length;
        int n = alpha.Length / t;
        var offsets = lattice.Offsets;
        var from = lattice.From;
        var weights = transitions.Exp;
        double shift = double.NegativeInfinity;
        for (int k = 0; k < t; k++)
            if (lattice.Start[k]) shift = Math.Max(shift, (model.Start[k] + emissions[k]) * inv);
        for (int k = 0; k < t; k++)
            alpha[k] = lattice.Start[k] ? Math.Exp((model.Start[k] + emissions[k]) * inv - shift) : 0;
        for (int i = 1; i < n; i++)
        {
            var previous = alpha.Slice((i - 1) * t, t);
            var current = alpha.Slice(i * t, t);
            for (int k = 0; k < t; k++)
            {
                double sum = 0;
                for (int p = offsets[k]; p < offsets[k + 1]; p++) sum += previous[from[p]] * weights[p];
                current[k] = sum * emit[i * t + k];
            }
            Rescale(current);
        }
    }

    /// <summary>beta[i][j] ∝ Σ_k T[j,k] · E[i+1][k] · beta[i+1][k], each position divided by its maximum.</summary>
    private void Backward(PerceptronModel model, Lattice lattice, TransitionTable transitions,
        ReadOnlySpan<double> emit, double inv, Span<double> beta)
    {
        int t = lattice.Start.Length;
        int n = beta.Length / t;
        var offsets = lattice.Offsets;
        var from = lattice.From;
        var weights = transitions.Exp;
        Ensure(ref _weighted, t);
        var weighted = _weighted.AsSpan(0, t);
        var lastRow = beta.Slice((n - 1) * t, t);
        double shift = double.NegativeInfinity;
        for (int k = 0; k < t; k++)
            if (lattice.End[k]) shift = Math.Max(shift, model.End[k] * inv);
        for (int k = 0; k < t; k++)
            lastRow[k] = lattice.End[k] ? Math.Exp(model.End[k] * inv - shift) : 0;
        for (int i = n - 2; i >= 0; i--)
        {
            var next = beta.Slice((i + 1) * t, t);
            var current = beta.Slice(i * t, t);
            for (int k = 0; k < t; k++) weighted[k] = next[k] * emit[(i + 1) * t + k];
            current.Clear();
            for (int k = 0; k < t; k++)
            {
                double w = weighted[k];
                if (w == 0) continue;
                for (int p = offsets[k]; p < offsets[k + 1]; p++) current[from[p]] += weights[p] * w;
            }
            Rescale(current);
        }
    }

    /// <summary>E[i][k] = exp((emission − max over k)·inv): each token's factor is scaled, which the marginals do not see.</summary>
    /// <remarks>The exponentials run four at a time (<see cref="Vector256.Exp(Vector256{double})"/>, within an ulp
    /// of <see cref="Math.Exp"/>; outputs are floats, 29 bits coarser): they were half of this method's time.</remarks>
    private static void ExpEmissions(ReadOnlySpan<float> emissions, int n, int t, double inv, Span<double> emit)
    {
        for (int i = 0; i < n; i++)
        {
            var row = emissions.Slice(i * t, t);
            float max = float.NegativeInfinity;
            foreach (float e in row) max = Math.Max(max, e);
            for (int k = 0; k < t; k++) emit[i * t + k] = (row[k] - (double)max) * inv;
        }
        var all = emit[..(n * t)];
        int v = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; v + 4 <= all.Length; v += 4)
                Vector256.Exp(Vector256.Create<double>(all.Slice(v, 4))).CopyTo(all.Slice(v, 4));
        for (; v < all.Length; v++) all[v] = Math.Exp(all[v]);
    }

    /// <summary>Divides by the maximum so the largest entry is 1 (an all-zero vector stays as it is).</summary>
    private static void Rescale(Span<double> values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, v);
        if (max == 0 || max == 1) return;
        double scale = 1 / max;
        for (int k = 0; k < values.Length; k++) values[k] *= scale;
    }

    /// <summary>The model's allowed transitions for forward-backward; cached for the last model seen (a runner
    /// alternates between two stages per document, not per sentence).</summary>
    private TransitionTable Transitions(PerceptronModel model, Lattice lattice, double inv)
    {
        if (_transitions is { } cached && ReferenceEquals(cached.Model, model)) return cached;
        int t = lattice.Start.Length;
        var raw = new float[lattice.From.Length];
        for (int k = 0; k < t; k++)
            for (int p = lattice.Offsets[k]; p < lattice.Offsets[k + 1]; p++) raw[p] = model.Transitions[lattice.From[p] * t + k];
        double max = double.NegativeInfinity;
        foreach (float w in raw) max = Math.Max(max, w * inv);
        var exp = new double[raw.Length];
        for (int p = 0; p < raw.Length; p++) exp[p] = Math.Exp(raw[p] * inv - max);
        return _transitions = new TransitionTable(model, exp);
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

    /// <summary>One model's allowed transitions in <see cref="Lattice.From"/> order as exp(weight·inv − max): a common factor, which the marginals do not see.</summary>
    private sealed record TransitionTable(PerceptronModel Model, double[] Exp);
}
