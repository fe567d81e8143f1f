using Extractor.Recognition;

namespace Extractor.Cli;

/// <summary>The project's word lists as a <see cref="Lexicon"/>.</summary>
internal static class DefaultLexicon
{
    public static Lexicon? Create() => null;
}
