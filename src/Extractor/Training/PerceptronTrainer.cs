using System.Diagnostics;
using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;

namespace Extractor.Training;

/// <summary>Trains a complete <see cref="NerModel"/>: a first pass, and optionally a second pass on jackknifed first-pass labels.</summary>
/// <remarks>
/// The second pass must train on first-pass labels that look like those it will see at run time, i.e.
/// made by a model that never saw the sentence. So the training documents are split into folds and each
/// fold is labelled by a first pass trained on the others (stacking, as in Ratinov &amp; Roth 2009's
/// two-stage prediction aggregation). Folds run in parallel; each is seeded, so the result is deterministic.
/// </remarks>
internal sealed class PerceptronTrainer
{
    private readonly TrainingOptions _options;
    private readonly WordClassTable? _classes;
    private readonly WordLists? _lexicon;

    /// <summary>Creates a trainer; feature groups whose data is missing (no classes, no lexicon) are switched off.</summary>
    public PerceptronTrainer(TrainingOptions options, WordClassTable? classes, WordLists? lexicon)
    {
        var features = options.Features;
        if (classes is null) features &= ~FeatureSet.WordClasses;
        if (lexicon is null) features &= ~(FeatureSet.Gazetteers | FeatureSet.PhraseLists);
        if (lexicon?.Lists is null) features &= ~FeatureSet.PhraseLists;
        _options = options with { Features = features };
        _classes = classes;
        _lexicon = lexicon;
    }

    /// <summary>The options in effect, after switching off groups without data.</summary>
    public TrainingOptions Options => _options;

    /// <summary>Trains on <paramref name="train"/>, choosing epochs by F1 on <paramref name="dev"/>.</summary>
    public NerModel Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument> dev, string trainingData, IProgress<EpochReport>? progress)
    {
        var clock = Stopwatch.StartNew();
        var set = new TagSet(_options.Encoding);
        var firstFeatures = _options.Features & ~FeatureSet.SecondPass;
        var trainCorpus = new CorpusFeatures(train, set, _classes, _lexicon);
        var devCorpus = new CorpusFeatures(dev, set, _classes, _lexicon);
        var firstExtractor = new FeatureExtractor(firstFeatures, _classes);
        var all = Enumerable.Range(0, train.Count).ToArray();

        var first = new StageTrainer(set, firstExtractor, trainCorpus, all, _options.MinFeatureCount, Dropout(0))
            .Train(_options.Epochs, _options.Seed, firstExtractor.Set, m => Evaluate(m, firstExtractor, devCorpus),
                (e, f) => progress?.Report(new EpochReport("first pass", e, f, clock.Elapsed)));
        var firstModel = Prune(first.Model);
        double devF1 = first.Score;
        PerceptronModel? secondModel = null;

        if ((_options.Features & FeatureSet.SecondPass) != 0)
        {
            LabelWithFolds(trainCorpus, set, firstExtractor, first.Epoch, progress, clock);
            LabelWith(firstModel, firstExtractor, devCorpus);
            var secondExtractor = new FeatureExtractor(_options.Features, _classes);
            var second = new StageTrainer(set, secondExtractor, trainCorpus, all, _options.MinFeatureCount, Dropout(1))
                .Train(_options.Epochs, _options.Seed + 1, secondExtractor.Set, m => Evaluate(m, secondExtractor, devCorpus),
                    (e, f) => progress?.Report(new EpochReport("second pass", e, f, clock.Elapsed)));
            secondModel = Calibrate(Prune(second.Model), secondExtractor, devCorpus);
            devF1 = second.Score;
        }
        else
        {
            firstModel = Calibrate(firstModel, firstExtractor, devCorpus);
        }
        var info = new ModelInfo($"{DateTime.UtcNow:yyyy.MM.dd}-f1-{devF1:F2}", DateTime.UtcNow, trainingData, _options.Describe(), devF1);
        return new NerModel(info, firstModel, secondModel, _classes, (firstModel.Features & FeatureSet.PhraseLists) != 0 ? _lexicon!.Lists : null);
    }

    /// <summary>Overall F1 of a stage on a featurized corpus.</summary>
    internal static double Evaluate(PerceptronModel model, FeatureExtractor extractor, CorpusFeatures corpus)
    {
        var scorer = new SpanScorer();
        var runner = new StageRunner();
        for (int d = 0; d < corpus.Documents.Count; d++)
        {
            var doc = corpus.Documents[d];
            var tags = new int[doc.Tokens.Length];
            runner.Tag(model, extractor, corpus.Infos[d], doc.Sentences, tags, []);
            scorer.Add(doc.Spans, CorpusFeatures.SpansOf(model.Tags, doc, tags));
        }
        return scorer.Overall.F1;
    }

    /// <summary>The rare-word dropout of a stage, seeded from the run's seed and the stage, or null when off.</summary>
    private WordDropout? Dropout(int stage) =>
        _options.WordDropout > 0 ? new WordDropout(_options.WordDropout, _options.DropoutMaxCount, _options.Seed * 7919 + stage) : null;

    private void LabelWithFolds(CorpusFeatures corpus, TagSet set, FeatureExtractor extractor, int epochs,
        IProgress<EpochReport>? progress, Stopwatch clock)
    {
        int folds = Math.Max(2, _options.Folds);
        var tagsPerDoc = new int[corpus.Documents.Count][];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
        {
            var trainDocs = Enumerable.Range(0, corpus.Documents.Count).Where(d => d % folds != fold).ToArray();
            var model = new StageTrainer(set, extractor, corpus, trainDocs, _options.MinFeatureCount, Dropout(100 + fold))
                .Train(epochs, _options.Seed + 100 + fold, extractor.Set, _ => double.NaN, null).Model;
            var runner = new StageRunner();
            for (int d = fold; d < corpus.Documents.Count; d += folds)
            {
                tagsPerDoc[d] = new int[corpus.Documents[d].Tokens.Length];
                runner.Tag(model, extractor, corpus.Infos[d], corpus.Documents[d].Sentences, tagsPerDoc[d], []);
            }
            progress?.Report(new EpochReport($"fold {fold + 1}/{folds}", epochs, double.NaN, clock.Elapsed));
        });
        var featurizer = new DocumentFeaturizer(_classes, _lexicon);
        for (int d = 0; d < corpus.Documents.Count; d++)
            corpus.SetFirstPass(d, set, tagsPerDoc[d], featurizer);
    }

    private void LabelWith(PerceptronModel model, FeatureExtractor extractor, CorpusFeatures corpus)
    {
        var runner = new StageRunner();
        var featurizer = new DocumentFeaturizer(_classes, _lexicon);
        for (int d = 0; d < corpus.Documents.Count; d++)
        {
            var tags = new int[corpus.Documents[d].Tokens.Length];
            runner.Tag(model, extractor, corpus.Infos[d], corpus.Documents[d].Sentences, tags, []);
            corpus.SetFirstPass(d, model.Tags, tags, featurizer);
        }
    }

    /// <summary>Drops features whose averaged weights are all (nearly) zero: they never took part in an update.</summary>
    internal static PerceptronModel Prune(PerceptronModel model)
    {
        int t = model.Tags.Count;
        var weights = model.Weights;
        var ids = ModelIds(model);
        var keptIds = new List<ulong>();
        var kept = new List<float>();
        for (int r = 0; r < ids.Length; r++)
        {
            var row = weights.Slice(r * t, t);
            bool any = false;
            foreach (float v in row) any |= Math.Abs(v) > 1e-4f;
            if (!any) continue;
            keptIds.Add(ids[r]);
            foreach (float v in row) kept.Add(v);
        }
        return new PerceptronModel(model.Tags, model.Features, new FeatureIndex(keptIds.ToArray()), [.. kept],
            model.Transitions, model.Start, model.End, model.Temperature);
    }

    /// <summary>Fits the temperature that makes forward-backward marginals best predict the gold tags on the dev set.</summary>
    private static PerceptronModel Calibrate(PerceptronModel model, FeatureExtractor extractor, CorpusFeatures dev)
    {
        double bestLoss = double.PositiveInfinity;
        float bestTemperature = 1f;
        foreach (float temperature in new[] { 0.25f, 0.5f, 1f, 2f, 3f, 4f, 6f, 8f, 12f, 16f, 24f, 32f })
        {
            var candidate = new PerceptronModel(model.Tags, model.Features, model.Index, model.Weights.ToArray(),
                model.Transitions, model.Start, model.End, temperature);
            double loss = GoldLogLoss(candidate, extractor, dev);
            if (loss < bestLoss) { bestLoss = loss; bestTemperature = temperature; }
        }
        return new PerceptronModel(model.Tags, model.Features, model.Index, model.Weights.ToArray(),
            model.Transitions, model.Start, model.End, bestTemperature);
    }

    private static double GoldLogLoss(PerceptronModel model, FeatureExtractor extractor, CorpusFeatures dev)
    {
        var runner = new StageRunner();
        double loss = 0;
        for (int d = 0; d < dev.Documents.Count; d += 4)
        {
            var doc = dev.Documents[d];
            var p = new float[doc.Tokens.Length];
            runner.Marginals(model, extractor, dev.Infos[d], doc.Sentences, dev.Gold[d], p);
            foreach (float v in p) loss -= Math.Log(Math.Max(v, 1e-6));
        }
        return loss;
    }

    private static ulong[] ModelIds(PerceptronModel model) => model.Index.Ids();
}
