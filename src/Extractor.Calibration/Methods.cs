using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Extractor.Calibration;

/// <summary>A calibrator fitted on some mentions: the probability it gives a mention, and, when the library can
/// evaluate it, the <see cref="MentionCalibrator"/> that reproduces it.</summary>
internal interface IFitted
{
    float Probability(FoldMention record);

    MentionCalibrator? Export(string description);
}

/// <summary>The calibration methods compared (docs/experiments.md, issue #21).</summary>
internal static class Methods
{
    public static IReadOnlyList<string> Names { get; } =
        ["raw", "platt", "isotonic", "logistic", "logistic+isotonic", "fasttree", "fasttree+isotonic", "unseen:logistic+isotonic", "unseen:isotonic"];

    /// <summary>Fits method <paramref name="name"/>; an <c>unseen:</c> prefix fits it on the mentions of unseen names only.</summary>
    public static IFitted Fit(string name, IReadOnlyList<FoldMention> train, MLContext ml) => name switch
    {
        _ when name.StartsWith("unseen:", StringComparison.Ordinal) => Fit(name["unseen:".Length..], train.Where(r => r.Unseen).ToList(), ml),
        "raw" => new Raw(),
        "platt" => Platt(train),
        "isotonic" => IsotonicOn(train, OnlyMarginal(), 0),
        "logistic" => Logistic(train, ml),
        "logistic+isotonic" => Logistic(train, ml).WithIsotonic(train),
        "fasttree" => FastTree(train, ml, isotonic: false),
        "fasttree+isotonic" => FastTree(train, ml, isotonic: true),
        _ => throw new ArgumentException($"unknown method {name}"),
    };

    /// <summary>The evidence vector as the library's calibrator reads it (marginals as log-odds).</summary>
    public static float[] Transformed(FoldMention r)
    {
        var v = (float[])r.Evidence.Clone();
        MentionCalibrator.Transform(v);
        return v;
    }

    private static float[] OnlyMarginal()
    {
        var w = new float[MentionEvidence.Count];
        w[0] = 1;
        return w;
    }

    private static Linear Platt(IReadOnlyList<FoldMention> train)
    {
        var (a, b) = Fitting.Platt(train.Select(r => (double)Transformed(r)[0]).ToList(), train.Select(r => r.Right).ToList());
        var w = new float[MentionEvidence.Count];
        w[0] = (float)a;
        return new Linear(w, (float)b, [], []);
    }

    private static Linear IsotonicOn(IReadOnlyList<FoldMention> train, float[] weights, float bias) =>
        new Linear(weights, bias, [], []).WithIsotonic(train);

    private static Linear Logistic(IReadOnlyList<FoldMention> train, MLContext ml)
    {
        var data = Rows.View(ml, train);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            NumberOfThreads = 1,
            L2Regularization = 0.1f,
            L1Regularization = 0,
        }).Fit(data).Model;
        var linear = model.SubModel;
        float slope = 1, offset = 0;
        if (model.Calibrator is PlattCalibrator platt)
        {
            // ML.NET's Platt calibrator gives 1 / (1 + exp(slope·score + offset)).
            slope = (float)-platt.Slope;
            offset = (float)-platt.Offset;
        }
        var weights = linear.Weights.Select(w => w * slope).ToArray();
        return new Linear(weights, linear.Bias * slope + offset, [], []);
    }

    private static IFitted FastTree(IReadOnlyList<FoldMention> train, MLContext ml, bool isotonic)
    {
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = 16,
            NumberOfTrees = 100,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(Rows.View(ml, train));
        var fitted = new Trees(ml, model, null);
        if (!isotonic) return fitted;
        var (from, to) = Fitting.Isotonic(train.Select(r => (double)fitted.Score(r)).ToList(), train.Select(r => r.Right).ToList());
        return new Trees(ml, model, (from, to));
    }

    private sealed class Raw : IFitted
    {
        public float Probability(FoldMention record) => record.Raw;

        public MentionCalibrator? Export(string description) => null;
    }

    /// <summary>A linear score over the transformed evidence, through a sigmoid or a step table.</summary>
    private sealed class Linear(float[] weights, float bias, float[] from, float[] to) : IFitted
    {
        private readonly MentionCalibrator _calibrator = new("", weights, bias, from, to);

        public float Score(FoldMention r)
        {
            var v = Transformed(r);
            float z = bias;
            for (int i = 0; i < v.Length; i++) z += weights[i] * v[i];
            return z;
        }

        public float Probability(FoldMention record) => _calibrator.Map(Score(record));

        public Linear WithIsotonic(IReadOnlyList<FoldMention> train)
        {
            var (f, t) = Fitting.Isotonic(train.Select(r => (double)Score(r)).ToList(), train.Select(r => r.Right).ToList());
            return new Linear(weights, bias, f, t);
        }

        public MentionCalibrator? Export(string description) => new(description, weights, bias, from, to);
    }

    /// <summary>FastTree's boosted trees with ML.NET's own calibration, or isotonic regression on the trees' score.</summary>
    private sealed class Trees(MLContext ml, ITransformer model, (float[] From, float[] To)? isotonic) : IFitted
    {
        private readonly PredictionEngine<Rows.Row, Rows.Scored> _engine = ml.Model.CreatePredictionEngine<Rows.Row, Rows.Scored>(model, inputSchemaDefinition: Rows.Schema());
        // Only its step table is used: the trees' score goes straight to Map.
        private readonly MentionCalibrator? _table = isotonic is { } t ? new("", new float[MentionEvidence.Count], 0, t.From, t.To) : null;

        public float Score(FoldMention r) => _engine.Predict(Rows.Of(r)).Score;

        public float Probability(FoldMention record)
        {
            var p = _engine.Predict(Rows.Of(record));
            return _table is null ? p.Probability : _table.Map(p.Score);
        }

        // The library evaluates linear scores only; trees would need a tree evaluator in the model format first.
        public MentionCalibrator? Export(string description) => null;
    }
}
