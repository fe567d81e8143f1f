namespace Extractor.Recognition;

/// <summary>Settings for <see cref="EntityRecognizer"/>.</summary>
/// <param name="NameRules">When true (the default), the tagger's spans follow the name conventions of
/// <c>docs/annotation-guidelines.md</c> (titles out, particles and nicknames in, ships not people); false gives the
/// statistical tagger's spans as decoded, for measuring what the rules add.</param>
/// <param name="UserLexicon">A user's lexicon whose matches replace the spans they overlap (score 1), or null.</param>
/// <param name="RawScores">When true, a mention's score is the tagger's lowest token marginal even if the model has
/// a calibrator (for fitting and measuring one); false (the default) applies the model's calibrator.</param>
/// <param name="Accurate">The accurate tier's network, which then tags instead of the perceptron stages (the base
/// model still gives the word classes and lists it reads), or null.</param>
internal sealed record RecognizerOptions(bool NameRules = true, Extractor.Knowledge.UserLexicon? UserLexicon = null, bool RawScores = false,
    Neural.NeuralModel? Accurate = null)
{
    /// <summary>Name rules on.</summary>
    public static RecognizerOptions Default { get; } = new();
}
