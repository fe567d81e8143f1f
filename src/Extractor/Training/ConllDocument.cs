using Extractor.Text;

namespace Extractor.Training;

/// <summary>A labelled CoNLL document rebuilt as text: tokens joined by spaces, sentences by newlines.</summary>
/// <remarks>Rebuilding text lets training and evaluation run through exactly the same featurizer as
/// real articles, keeping the gold tokenization.</remarks>
/// <param name="Text">Tokens separated by single spaces, sentences by <c>\n</c>.</param>
/// <param name="Tokens">The gold tokens as offsets into <paramref name="Text"/>.</param>
/// <param name="Sentences">The gold sentences.</param>
/// <param name="Spans">Gold entity spans as document-level token ranges.</param>
/// <param name="StartsWithDocStart">Whether the source had a <c>-DOCSTART-</c> line before this document.</param>
internal sealed record ConllDocument(string Text, Token[] Tokens, Sentence[] Sentences, LabeledSpan[] Spans, bool StartsWithDocStart);

/// <summary>An entity span as a token range <c>[First, End)</c> with its label.</summary>
internal readonly record struct LabeledSpan(int First, int End, EntityLabel Label);
