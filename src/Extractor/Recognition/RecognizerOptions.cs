namespace Extractor.Recognition;

/// <summary>Settings for <see cref="EntityRecognizer"/>.</summary>
/// <param name="NameRules">When true (the default), the tagger's spans follow the name conventions of
/// <c>docs/annotation-guidelines.md</c> (titles out, particles and nicknames in, ships not people); false gives the
/// statistical tagger's spans as decoded, for measuring what the rules add.</param>
/// <param name="Lexicon">A user's lexicon whose matches replace the spans they overlap (score 1), or null.</param>
public sealed record RecognizerOptions(bool NameRules = true, Extractor.Lexicons.EntityLexicon? Lexicon = null)
{
    /// <summary>Name rules on.</summary>
    public static RecognizerOptions Default { get; } = new();
}
