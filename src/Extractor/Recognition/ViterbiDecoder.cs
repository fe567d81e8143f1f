namespace Extractor.Recognition;

/// <summary>Best tag sequence and per-token confidences for one sentence under a first-order model.</summary>
/// <remarks>
/// Disallowed transitions (e.g. O → I-PER) are excluded inside the search rather than repaired
/// afterwards, so every output is a valid span sequence. Ties break towards the lower tag index,
/// which makes decoding deterministic. Buffers are reused across calls: one decoder per thread.
/// </remarks>
internal sealed class ViterbiDecoder
{
    private float[] _delta = new float[256];
    private int[] _back = new int[256];
    private double[] _alpha = new double[256];
    private double[] _beta = new double[256];

    /// <summary>Decodes <paramref name="emissions"/> (<c>n × tags</c>) into <paramref name="tags"/>.</summary>
    public void Decode(PerceptronModel model, ReadOnlySpan<float> emissions, int n, Span<int> tags) =>
        Decode(model.Tags, model.Transitions, model.Start, model.End, emissions, n, tags);

    /// <summary>Decodes with explicit transition weights (the trainer's current, non-averaged ones).</summary>
    public void Decode(TagSet set, ReadOnlySpan<float> trans, ReadOnlySpan<float> start, ReadOnlySpan<float> end,
        ReadOnlySpan<float> emissions, int n, Span<int> tags)
    {
        int t = set.Count;
        Ensure(ref _delta, n * t);
        Ensure(ref _back, n * t);
        var delta = _delta.AsSpan(0, n * t);
        var back = _back.AsSpan(0, n * t);
        for (int k = 0; k < t; k++)
            delta[k] = set.AllowedStart(k) ? start[k] + emissions[k] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int k = 0; k < t; k++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int j = 0; j < t; j++)
                {
                    if (!set.Allowed(j, k)) continue;
                    float v = delta[(i - 1) * t + j] + trans[j * t + k];
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
            if (!set.AllowedEnd(k)) continue;
            float v = delta[(n - 1) * t + k] + end[k];
            if (v > top) { top = v; last = k; }
        }
        tags[n - 1] = last;
        for (int i = n - 1; i > 0; i--) tags[i - 1] = back[i * t + tags[i]];
    }

    /// <summary>Writes the marginal probability of each token's decoded tag (forward-backward over tempered scores).</summary>
    public void Confidences(PerceptronModel model, ReadOnlySpan<float> emissions, int n, ReadOnlySpan<int> tags, Span<float> confidence)
    {
        var set = model.Tags;
        int t = set.Count;
        double inv = 1.0 / model.Temperature;
        Ensure(ref _alpha, n * t);
        Ensure(ref _beta, n * t);
        var alpha = _alpha.AsSpan(0, n * t);
        var beta = _beta.AsSpan(0, n * t);
        var trans = model.Transitions;
        // Log-space recursions: scores can be large, and a max-shifted log-sum-exp keeps them finite.
        for (int k = 0; k < t; k++)
            alpha[k] = set.AllowedStart(k) ? (model.Start[k] + emissions[k]) * inv : double.NegativeInfinity;
        for (int i = 1; i < n; i++)
            for (int k = 0; k < t; k++)
            {
                double m = double.NegativeInfinity;
                for (int j = 0; j < t; j++)
                    if (set.Allowed(j, k)) m = Math.Max(m, alpha[(i - 1) * t + j] + trans[j * t + k] * inv);
                double sum = 0;
                if (!double.IsNegativeInfinity(m))
                    for (int j = 0; j < t; j++)
                        if (set.Allowed(j, k)) sum += Math.Exp(alpha[(i - 1) * t + j] + trans[j * t + k] * inv - m);
                alpha[i * t + k] = sum > 0 ? m + Math.Log(sum) + emissions[i * t + k] * inv : double.NegativeInfinity;
            }
        for (int k = 0; k < t; k++)
            beta[(n - 1) * t + k] = set.AllowedEnd(k) ? model.End[k] * inv : double.NegativeInfinity;
        for (int i = n - 2; i >= 0; i--)
            for (int j = 0; j < t; j++)
            {
                double m = double.NegativeInfinity;
                for (int k = 0; k < t; k++)
                    if (set.Allowed(j, k)) m = Math.Max(m, beta[(i + 1) * t + k] + (trans[j * t + k] + emissions[(i + 1) * t + k]) * inv);
                double sum = 0;
                if (!double.IsNegativeInfinity(m))
                    for (int k = 0; k < t; k++)
                        if (set.Allowed(j, k)) sum += Math.Exp(beta[(i + 1) * t + k] + (trans[j * t + k] + emissions[(i + 1) * t + k]) * inv - m);
                beta[i * t + j] = sum > 0 ? m + Math.Log(sum) : double.NegativeInfinity;
            }
        double z = LogSumExp(alpha, beta, n - 1, t);
        for (int i = 0; i < n; i++)
        {
            double lp = alpha[i * t + tags[i]] + beta[i * t + tags[i]] - z;
            confidence[i] = (float)Math.Clamp(Math.Exp(lp), 0.0, 1.0);
        }
    }

    private static double LogSumExp(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, int i, int t)
    {
        double m = double.NegativeInfinity;
        for (int k = 0; k < t; k++) m = Math.Max(m, alpha[i * t + k] + beta[i * t + k]);
        double sum = 0;
        for (int k = 0; k < t; k++) sum += Math.Exp(alpha[i * t + k] + beta[i * t + k] - m);
        return m + Math.Log(sum);
    }

    private static void Ensure<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size) buffer = new T[Math.Max(size, buffer.Length * 2)];
    }
}
