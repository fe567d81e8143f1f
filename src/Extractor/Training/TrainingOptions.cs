using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;

namespace Extractor.Training;

/// <summary>Settings of one training run; the same options and seed give the same model.</summary>
/// <param name="Epochs">Passes over the training data per stage; the best epoch on the dev set is kept.</param>
/// <param name="Seed">Seed for the sentence order shuffle.</param>
/// <param name="Encoding">BIO or BILOU tags.</param>
/// <param name="Features">Feature groups to use (second pass included or not).</param>
/// <param name="MinFeatureCount">Features seen fewer times in training are dropped (keeps the model small).</param>
/// <param name="Folds">Folds for the jackknifed first-pass labels the second pass trains on.</param>
/// <param name="WordDropout">Rare-word dropout: the share of a rare word's training occurrences whose word identity is
/// hidden, so the weights learn to tag a word the model has never seen from its spelling, class and context (0: off).</param>
/// <param name="DropoutMaxCount">A word is rare when the training data holds it at most this many times.</param>
internal sealed record TrainingOptions(
    int Epochs = 15,
    int Seed = 1,
    TagEncoding Encoding = TagEncoding.Bilou,
    FeatureSet Features = FeatureSet.All,
    int MinFeatureCount = 1,
    int Folds = 5,
    double WordDropout = 0,
    int DropoutMaxCount = 1)
{
    /// <summary>A one-line description stored in the model file.</summary>
    public string Describe() =>
        $"epochs={Epochs} seed={Seed} encoding={Encoding} features={Features} min-count={MinFeatureCount} folds={Folds}{(WordDropout > 0 ? FormattableString.Invariant($" word-dropout={WordDropout}/{DropoutMaxCount}") : "")} templates=v{FeatureExtractor.TemplateVersion}";
}

/// <summary>Progress of training: one report per finished epoch.</summary>
/// <param name="Stage">What is being trained (e.g. "first pass", "fold 2/5", "second pass").</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="DevF1">Dev F1 with the averaged weights after this epoch, or NaN when not evaluated.</param>
/// <param name="Elapsed">Time since training started.</param>
internal readonly record struct EpochReport(string Stage, int Epoch, double DevF1, TimeSpan Elapsed);
