namespace Extractor.Text;

/// <summary>One entity span of a sentence, in the sentence's token numbers; <paramref name="Listed"/> when a user's
/// lexicon put it there rather than the tagger.</summary>
internal readonly record struct TaggedSpan(int First, int End, EntityLabel Label, bool Listed = false);
