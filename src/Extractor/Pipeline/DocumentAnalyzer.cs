using System.Collections.Concurrent;
using Extractor.Recognition;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Pipeline;

/// <summary>Text in, <see cref="AnalyzedDocument"/> out: tokenize, split sentences, tag. Thread-safe.</summary>
/// <remarks>Token and sentence lists are pooled per call so that concurrent documents share no state and
/// steady-state work allocates only the arrays it returns.</remarks>
public sealed class DocumentAnalyzer(Tokenizer tokenizer, SentenceSplitter splitter, EntityRecognizer recognizer)
{
    private readonly ConcurrentBag<(List<Token> Tokens, List<Sentence> Sentences)> _buffers = [];

    /// <summary>Tokenizes only (no tagging), for inspection.</summary>
    public (Token[] Tokens, Sentence[] Sentences) Segment(string text)
    {
        var (tokens, sentences) = Rent();
        try
        {
            Fill(text, tokens, sentences);
            return ([.. tokens], [.. sentences]);
        }
        finally { Return(tokens, sentences); }
    }

    /// <summary>Runs the whole pipeline on one document's text.</summary>
    public AnalyzedDocument Analyze(string text)
    {
        var (tokens, sentences) = Rent();
        try
        {
            Fill(text, tokens, sentences);
            var tokenSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
            var sentenceSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences);
            var mentions = recognizer.Recognize(text, tokenSpan, sentenceSpan);
            return new AnalyzedDocument(text, [.. tokens], [.. sentences], mentions);
        }
        finally { Return(tokens, sentences); }
    }

    private void Fill(string text, List<Token> tokens, List<Sentence> sentences)
    {
        tokenizer.Tokenize(text, tokens);
        splitter.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
    }

    /// <summary>Lists longer than this many tokens are not kept for reuse: one huge document must not hold its
    /// memory for the rest of a batch of articles (2.5 MB of lists at this size).</summary>
    private const int MaxPooledTokens = 1 << 18;

    private void Return(List<Token> tokens, List<Sentence> sentences)
    {
        if (tokens.Capacity <= MaxPooledTokens) _buffers.Add((tokens, sentences));
    }

    private (List<Token>, List<Sentence>) Rent()
    {
        if (_buffers.TryTake(out var b)) { b.Tokens.Clear(); b.Sentences.Clear(); return b; }
        return ([], []);
    }
}
