using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;

namespace Extractor.Recognition.Scoring;

/// <summary>One trained, read-only tagging stage: feature weights, transition weights and its feature settings.</summary>
/// <remarks>
/// Weights are one contiguous <c>float[]</c> of <c>rows × tags</c> (for a stage read from a file, expanded from its
/// stored rows only when asked: <see cref="QuantizedRows"/>); scoring reads
/// them through a sparse <see cref="WeightTable"/>, built on first use (a two-pass model tags through one
/// table for both stages instead, <see cref="StagePair"/>, so its own tables are never built). Thread-safe:
/// nothing here changes after construction (training lives in <c>PerceptronTrainer</c>, which produces these).
/// </remarks>
internal sealed class PerceptronModel : ITransitionScores
{
    private float[]? _weights;
    private WeightTable? _table;

    /// <summary>Creates a stage from trained parameters (arrays are kept, not copied).</summary>
    public PerceptronModel(TagSet tags, FeatureSet features, FeatureIndex index, float[] weights,
        float[] transitions, float[] start, float[] end, float temperature)
        : this(tags, features, index, transitions, start, end, temperature)
    {
        if (weights.Length != index.Count * tags.Count) throw new ArgumentException("Weight array does not match features × tags.", nameof(weights));
        _weights = weights;
    }

    /// <summary>Creates a stage read from a model file, whose dense weights are expanded from <paramref name="stored"/> the
    /// first time they are asked for.</summary>
    public PerceptronModel(TagSet tags, FeatureSet features, FeatureIndex index, QuantizedRows stored,
        float[] transitions, float[] start, float[] end, float temperature)
        : this(tags, features, index, transitions, start, end, temperature)
    {
        if (stored.Rows != index.Count || stored.Tags != tags.Count) throw new ArgumentException("Stored rows do not match features × tags.", nameof(stored));
        Stored = stored;
    }

    private PerceptronModel(TagSet tags, FeatureSet features, FeatureIndex index, float[] transitions, float[] start, float[] end, float temperature)
    {
        int t = tags.Count;
        if (transitions.Length != t * t || start.Length != t || end.Length != t) throw new ArgumentException("Transition arrays do not match the tag set.");
        Tags = tags;
        Features = features;
        Index = index;
        Transitions = transitions;
        Start = start;
        End = end;
        Temperature = temperature;
    }

    /// <summary>The weights as the model file stored them, for a stage read from one (written back unchanged).</summary>
    public QuantizedRows? Stored { get; }

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
    public ReadOnlySpan<float> Weights => Volatile.Read(ref _weights) ?? Expand();

    private float[] Expand()
    {
        var expanded = Stored!.Decode();
        return Interlocked.CompareExchange(ref _weights, expanded, null) ?? expanded;
    }

    /// <summary>Adds the weights of the known features among <paramref name="ids"/> into <paramref name="scores"/>.</summary>
    public void AddScores(ReadOnlySpan<ulong> ids, Span<float> scores) => Table.AddScores(ids, scores);

    /// <summary>As <see cref="AddScores(ReadOnlySpan{ulong}, Span{float})"/>, overlapping the features' memory reads (the tagging hot path).</summary>
    internal void AddScores(ReadOnlySpan<ulong> ids, Span<float> scores, WeightTable.Scratch scratch) => Table.AddScores(ids, scores, scratch);

    /// <summary>The scoring table, built the first time it is needed (racing callers all get the same one).</summary>
    internal WeightTable Table => Volatile.Read(ref _table) ?? BuildTable();

    private WeightTable BuildTable()
    {
        var built = new WeightTable(Index, Weights, Tags.Count);
        return Interlocked.CompareExchange(ref _table, built, null) ?? built;
    }
}
