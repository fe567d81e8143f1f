using Extractor.Recognition.Confidence;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;

namespace Extractor.Recognition;

/// <summary>A complete trained tagger: one or two perceptron stages, the word classes they use, and where it came from.</summary>
/// <remarks>Public for what a library user handles (loading one with <c>ModelFiles.Load</c>, handing it to a pipeline,
/// reading its <see cref="Info"/>); its parts are internal, so the library can change them without breaking anyone.</remarks>
public sealed record NerModel
{
    /// <param name="info">Provenance and figures recorded at training time.</param>
    /// <param name="firstPass">The stage that sees only the text.</param>
    /// <param name="secondPass">The optional stage that also sees the first pass's labels across the document.</param>
    /// <param name="classes">Word classes, when the stages use them.</param>
    /// <param name="lists">Phrase lists (world places, subdivisions…) compiled into the model, when the stages use them.</param>
    /// <param name="calibrator">Maps a mention's evidence to the probability it is right, when fitted (issue #21).</param>
    internal NerModel(ModelInfo info, PerceptronModel firstPass, PerceptronModel? secondPass, WordClassTable? classes, PhraseLists? lists = null, MentionCalibrator? calibrator = null)
    {
        Info = info;
        FirstPass = firstPass;
        SecondPass = secondPass;
        Classes = classes;
        Lists = lists;
        Calibrator = calibrator;
    }

    /// <summary>Provenance and figures recorded at training time.</summary>
    public ModelInfo Info { get; init; }

    internal PerceptronModel FirstPass { get; init; }

    internal PerceptronModel? SecondPass { get; init; }

    internal WordClassTable? Classes { get; init; }

    internal PhraseLists? Lists { get; init; }

    internal MentionCalibrator? Calibrator { get; init; }

    /// <summary>The two stages' scoring table as a model file stored it (format 5), or null to build it from the stages.</summary>
    /// <remarks>A <c>with</c> that replaces a stage must set this to null, or the stored table would score the old stage.</remarks>
    internal WeightTable? PairedWeights { get; init; }

    /// <summary>Whether any stage consults the project's word lists (the lexicon, which then carries <see cref="Lists"/>).</summary>
    internal bool UsesWordLists => ((FirstPass.Features | (SecondPass?.Features ?? 0)) & (FeatureSet.Gazetteers | FeatureSet.PhraseLists)) != 0;
}

/// <summary>Provenance of a model: what it was trained on, when, how, and how well it did on the dev set.</summary>
/// <param name="Version">Model version string shown by <c>--version</c>.</param>
/// <param name="CreatedUtc">When training finished (UTC).</param>
/// <param name="TrainingData">What it was trained on (file names and sizes).</param>
/// <param name="Settings">Training settings (epochs, seed, encoding, feature groups).</param>
/// <param name="DevF1">Overall dev-set F1 at the kept epoch, in percent.</param>
public sealed record ModelInfo(string Version, DateTime CreatedUtc, string TrainingData, string Settings, double DevF1);
