namespace Extractor.Recognition.Confidence;

/// <summary>
/// Turns a mention's <see cref="MentionEvidence"/> into the probability that the mention is exactly right (span and
/// type): a linear score over the evidence, mapped to a probability by a sigmoid or a monotone step table.
/// </summary>
/// <remarks>Fitted by the maintainer tool <c>src/Extractor.Calibration</c> on jackknifed cross-validation predictions
/// and stored in the model file; evaluating it reads one vector and allocates nothing. Immutable.</remarks>
internal sealed class MentionCalibrator
{
    private const float Epsilon = 1e-4f;
    private readonly float[] _weights;
    private readonly float[] _mapFrom;
    private readonly float[] _mapTo;

    /// <summary>Creates a calibrator: <paramref name="weights"/> over <see cref="Transform"/>ed evidence plus
    /// <paramref name="bias"/>; the linear score maps through <paramref name="mapFrom"/>/<paramref name="mapTo"/> (a
    /// non-decreasing step table: the value of the last threshold at or below the score) or, when they are empty,
    /// through the logistic sigmoid.</summary>
    public MentionCalibrator(string description, float[] weights, float bias, float[] mapFrom, float[] mapTo)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(mapFrom);
        ArgumentNullException.ThrowIfNull(mapTo);
        if (weights.Length != MentionEvidence.Count) throw new ArgumentException($"{weights.Length} weights for {MentionEvidence.Count} evidence features", nameof(weights));
        if (mapFrom.Length != mapTo.Length) throw new ArgumentException("step table thresholds and values differ in length", nameof(mapTo));
        for (int i = 1; i < mapFrom.Length; i++)
            if (!(mapFrom[i] > mapFrom[i - 1]) || mapTo[i] < mapTo[i - 1]) throw new ArgumentException("step table is not increasing", nameof(mapFrom));
        foreach (float p in mapTo)
            if (!(p >= 0 && p <= 1)) throw new ArgumentException("step table value outside 0..1", nameof(mapTo));
        Description = description;
        _weights = weights;
        Bias = bias;
        _mapFrom = mapFrom;
        _mapTo = mapTo;
    }

    /// <summary>How it was fitted, for <c>--version</c> and the model card.</summary>
    public string Description { get; }

    /// <summary>The weights, in the order of <see cref="MentionEvidence.Names"/>.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The constant term of the linear score.</summary>
    public float Bias { get; }

    /// <summary>Thresholds of the step table (empty: sigmoid).</summary>
    public ReadOnlySpan<float> MapFrom => _mapFrom;

    /// <summary>Values of the step table.</summary>
    public ReadOnlySpan<float> MapTo => _mapTo;

    /// <summary>The probability that the mention is right; <paramref name="vector"/> is scratch of at least
    /// <see cref="MentionEvidence.Count"/> floats.</summary>
    public float Probability(in MentionEvidence evidence, Span<float> vector)
    {
        evidence.Write(vector);
        Transform(vector);
        float z = Bias;
        for (int i = 0; i < _weights.Length; i++) z += _weights[i] * vector[i];
        return Map(z);
    }

    /// <summary>The linear score through the step table or the sigmoid.</summary>
    public float Map(float z)
    {
        if (_mapFrom.Length == 0) return 1f / (1f + MathF.Exp(-z));
        int at = Array.BinarySearch(_mapFrom, z);
        if (at < 0) at = ~at - 1;
        return at < 0 ? _mapTo[0] : _mapTo[at];
    }

    /// <summary>Replaces the two marginals (features 0 and 1) by their log-odds, where a linear score works best.</summary>
    public static void Transform(Span<float> vector)
    {
        vector[0] = Logit(vector[0]);
        vector[1] = Logit(vector[1]);
    }

    private static float Logit(float p)
    {
        p = Math.Clamp(p, Epsilon, 1 - Epsilon);
        return MathF.Log(p / (1 - p));
    }
}
