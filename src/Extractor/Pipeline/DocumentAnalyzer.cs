using System.Collections.Concurrent;
using Extractor.Recognition;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Pipeline;

/// <summary>Text in, <see cref="Document"/> out: tokenize, split sentences, tag. Thread-safe.</summary>
/// <remarks>Token and sentence lists are pooled per call so that concurrent documents share no state and
/// steady-state work allocates only the arrays it returns.</remarks>
internal sealed class DocumentAnalyzer(Tokenizer tokenizer, SentenceSplitter splitter, EntityRecognizer recognizer, int windowChars, int windowMargin = DocumentAnalyzer.WindowMargin)
{
    private readonly ConcurrentBag<(List<Token> Tokens, List<Sentence> Sentences)> _buffers = [];

    /// <summary>An analyzer whose <see cref="Extract(string, Action?)"/> reads long texts a window of <see cref="WindowChars"/> at a time.</summary>
    public DocumentAnalyzer(Tokenizer tokenizer, SentenceSplitter splitter, EntityRecognizer recognizer)
        : this(tokenizer, splitter, recognizer, WindowChars)
    {
    }

    /// <summary>How much text <see cref="Extract(string, Action?)"/> tokenizes at once: about 180,000 tokens, five tagging parts, so a
    /// document's token and sentence lists never outgrow a few megabytes (a 20 MB text had 28 MB of tokens, twice over).</summary>
    public const int WindowChars = 1 << 20;

    /// <summary>
    /// The tagged document without its tokens: what a batch run needs.
    /// The same mentions as <see cref="Analyze"/>, in bounded memory.
    /// </summary>
    /// <remarks>
    /// A long text is tokenized a window at a time. The tagger works in parts of whole sentences that it forms
    /// greedily from the first sentence on, so a part depends only on the sentences from its start: each window's
    /// parts but the last are final, and the next window starts where that last part did. Nothing is tagged twice,
    /// and the parts, tokens and sentence numbers are those of the whole text (a test checks it on long documents).
    /// A window in which even the first part may be cut short (a single huge token or sentence) is doubled.
    /// </remarks>
    /// <param name="text">The document text.</param>
    /// <param name="windowDone">Called after each window but the last, when the text takes more than one.</param>
    public Document Extract(string text, Action? windowDone = null) =>
        Extract(text.Length, (from, to) => (text, 0), found => new Document(text, found.Tokens, found.Mentions), windowDone);

    /// <summary>As <see cref="Extract(string, Action?)"/> for a text held compactly: each window is decoded with
    /// <see cref="WindowMargin"/> characters either side (tests set fewer), so every rule that looks past a token reads what it would
    /// read in the whole text.</summary>
    public Document Extract(CompactText text, Action? windowDone = null) =>
        Extract(text.Length, (from, to) => text.Window(from, to, windowMargin), found => new Document(text, found.Tokens, found.Mentions), windowDone);

    /// <summary>Characters decoded before and after a window of a compact text: the tagger's rules read a few
    /// characters around a token (the line break before it, the word after a name), never this far.</summary>
    internal const int WindowMargin = 1 << 16;

    /// <summary>The windowed tagging loop over a text of <paramref name="length"/> characters; <paramref name="window"/>
    /// gives a string holding <c>[from, to)</c> and the offset it starts at.</summary>
    private Document Extract(int length, Func<int, int, (string Text, int Offset)> window, Func<(int Tokens, Mention[] Mentions), Document> make, Action? windowDone)
    {
        var (tokens, sentences) = Rent();
        try
        {
            // Each window's mentions as the tagger returned them, joined once at the end: a list grown by doubling held
            // up to twice a large document's mentions (a 46 MB text has 659,000: 18 MB) and left the smaller copies behind.
            var windows = new List<Mention[]>();
            int total = 0;
            int position = 0, tokenBase = 0, sentenceBase = 0;
            long size = windowChars;
            while (true)
            {
                int end = (int)Math.Min(length, position + size);
                tokens.Clear();
                sentences.Clear();
                var (text, offset) = window(position, end);
                var part = text.AsSpan(position - offset, end - position);
                tokenizer.Tokenize(part, tokens);
                splitter.Split(part, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
                var sentenceSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences);
                bool last = end == length;
                int keep = last ? sentences.Count : recognizer.LastPartStart(sentenceSpan);
                if (keep == 0 && !last)
                {
                    size *= 2;
                    continue;
                }
                var tokenSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
                int shift = position - offset;
                if (shift != 0)
                    for (int i = 0; i < tokenSpan.Length; i++) tokenSpan[i] = new Token(tokenSpan[i].Start + shift, tokenSpan[i].End + shift);
                var found = recognizer.Recognize(text, tokenSpan, sentenceSpan[..keep]);
                // A text that fits one window (every article) is returned as the tagger found it, without a copy.
                if (last && position == 0 && offset == 0) return make((tokens.Count, found));
                for (int i = 0; i < found.Length; i++)
                {
                    var m = found[i];
                    found[i] = m with { Start = m.Start + offset, End = m.End + offset, FirstToken = m.FirstToken + tokenBase, EndToken = m.EndToken + tokenBase, Sentence = m.Sentence + sentenceBase };
                }
                windows.Add(found);
                total += found.Length;
                if (last) return make((tokenBase + tokens.Count, Joined(windows, total)));
                windowDone?.Invoke();
                int consumed = sentences[keep].FirstToken;
                position = tokens[consumed].Start + offset;
                tokenBase += consumed;
                sentenceBase += keep;
                size = windowChars;
            }
        }
        finally { Return(tokens, sentences); }
    }

    private static Mention[] Joined(List<Mention[]> windows, int total)
    {
        var all = new Mention[total];
        int at = 0;
        foreach (var found in windows)
        {
            found.CopyTo(all, at);
            at += found.Length;
        }
        return all;
    }

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
    public Document Analyze(string text)
    {
        var (tokens, sentences) = Rent();
        try
        {
            Fill(text, tokens, sentences);
            var tokenSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
            var sentenceSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences);
            var mentions = recognizer.Recognize(text, tokenSpan, sentenceSpan);
            return new Document(text, tokens.Count, mentions) { Tokens = [.. tokens], Sentences = [.. sentences] };
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

    /// <summary>Lets go of the idle token and sentence lists (a long document leaves them at their largest pooled size,
    /// about 2.5 MB); the next document makes new ones.</summary>
    public void ReleaseBuffers() => _buffers.Clear();

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
