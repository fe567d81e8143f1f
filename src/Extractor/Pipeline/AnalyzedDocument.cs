using Extractor.Text;

namespace Extractor.Pipeline;

/// <summary>A document after tokenization, sentence splitting and tagging; every span is an offset into <see cref="Text"/>.</summary>
/// <param name="Text">The document text, exactly as read.</param>
/// <param name="Tokens">Tokens in text order, non-overlapping.</param>
/// <param name="Sentences">Sentences as token ranges, covering the tokens in order.</param>
/// <param name="Mentions">Tagged entity spans in text order; never cross a sentence boundary.</param>
public sealed record AnalyzedDocument(string Text, Token[] Tokens, Sentence[] Sentences, Mention[] Mentions);
