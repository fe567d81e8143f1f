namespace Extractor.Recognition;

/// <summary>One trained, read-only tagging stage: feature weights, transition weights and its feature settings.</summary>
/// <remarks>
/// Weights are one contiguous <c>float[]</c> of <c>rows × tags</c>, so scoring a token is a handful of
/// contiguous row reads. Thread-safe: nothing here changes after construction (training lives in
/// <c>PerceptronTrainer</c>, which produces these).
/// </remarks>
public sealed class PerceptronModel
{
    private readonly float[] _weights;

    /// <summary>Creates a stage from trained parameters (arrays are kept, not copied).</summary>
    public PerceptronModel(TagSet tags, FeatureSet features, FeatureIndex index, float[] weights,
        float[] transitions, float[] start, float[] end, float temperature)
    {
        int t = tags.Count;
        if (weights.Length != index.Count * t) throw new ArgumentException("Weight array does not match features × tags.", nameof(weights));
        if (transitions.Length != t * t || start.Length != t || end.Length != t) throw new ArgumentException("Transition arrays do not match the tag set.");
        Tags = tags;
        Features = features;
        Index = index;
        _weights = weights;
        Transitions = transitions;
        Start = start;
        End = end;
        Temperature = temperature;
    }

    /// <summary>The tag inventory.</summary>
    public TagSet Tags { get; }

    /// <summary>Feature groups this stage was trained with.</summary>
    public FeatureSet Features { get; }

    /// <summary>Feature id → weight row.</summary>
    public FeatureIndex Index { get; }

    /// <summary>Transition weights, <c>[from × tags + to]</c>.</summary>
    public float[] Transitions { get; }

    /// <summary>Weights for a sentence's first tag.</summary>
    public float[] Start { get; }

    /// <summary>Weights for a sentence's last tag.</summary>
    public float[] End { get; }

    /// <summary>Divides scores before forward-backward so marginals are calibrated (fitted on the dev set).</summary>
    public float Temperature { get; }

    /// <summary>Feature weights, row-major.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Adds the weight rows of the known features among <paramref name="ids"/> into <paramref name="scores"/>.</summary>
    public void AddScores(ReadOnlySpan<ulong> ids, Span<float> scores)
    {
        int t = Tags.Count;
        var weights = _weights.AsSpan();
        foreach (ulong id in ids)
        {
            int row = Index.RowOf(id);
            if (row < 0) continue;
            var w = weights.Slice(row * t, t);
            for (int k = 0; k < t; k++) scores[k] += w[k];
        }
    }
}
