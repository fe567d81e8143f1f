using System.Text;
using Extractor.Text;

namespace Extractor.Training;

/// <summary>Reads CoNLL-2003 column files: one token per line, the last column its IOB1 or IOB2 tag.</summary>
/// <remarks>Blank lines end sentences and <c>-DOCSTART-</c> lines start documents. A span starts at
/// <c>B-X</c>, or at <c>I-X</c> after anything but <c>X</c>; that one rule reads IOB1 and IOB2 alike.</remarks>
internal static class ConllReader
{
    /// <summary>Reads every document from <paramref name="reader"/>; <paramref name="name"/> names the source in errors.</summary>
    public static List<ConllDocument> Read(TextReader reader, string name)
    {
        var documents = new List<ConllDocument>();
        var builder = new DocumentBuilder();
        bool docStart = false;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty) { builder.EndSentence(); continue; }
            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (builder.HasTokens) documents.Add(builder.Build(docStart));
                docStart = true;
                continue;
            }
            int firstSpace = trimmed.IndexOfAny(' ', '\t');
            int lastSpace = trimmed.LastIndexOfAny(' ', '\t');
            if (firstSpace < 0) throw new ConllFormatException(name, lineNumber, "expected at least two columns: a word and a tag");
            var word = trimmed[..firstSpace];
            var tag = trimmed[(lastSpace + 1)..];
            builder.Add(word, ParseTag(tag, name, lineNumber));
        }
        if (builder.HasTokens) documents.Add(builder.Build(docStart));
        return documents;
    }

    /// <summary>Why <paramref name="documents"/> cannot train or tune a model (no tokens, or no labelled entity: the model
    /// would find nothing, or pick its epoch by nothing), or null when they can.</summary>
    internal static string? Unusable(IReadOnlyList<ConllDocument> documents) =>
        documents.Sum(d => d.Tokens.Length) == 0 ? "no tokens; not CoNLL training data"
        : documents.All(d => d.Spans.Length == 0) ? "no entity is labelled; a model trained or tuned on it would find nothing"
        : null;

    /// <summary>Reads a file.</summary>
    public static List<ConllDocument> ReadFile(string path)
    {
        // Strict UTF-8: a Latin-1 word would otherwise become U+FFFD and train or score as a different word.
        using var reader = new StringReader(StrictText.ReadFile(path, path));
        return Read(reader, path);
    }

    private static (char Part, EntityLabel Label) ParseTag(ReadOnlySpan<char> tag, string name, int line)
    {
        if (tag is "O") return ('O', default);
        if (tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U'
            && EntityLabels.TryParseConll(tag[2..], out var label))
            return (tag[0], label);
        throw new ConllFormatException(name, line, $"unknown tag '{tag}' (expected O, B-X or I-X with X in PER, ORG, LOC, MISC)");
    }

    private sealed class DocumentBuilder
    {
        private readonly StringBuilder _text = new();
        private readonly List<Token> _tokens = [];
        private readonly List<Sentence> _sentences = [];
        private readonly List<LabeledSpan> _spans = [];
        private int _sentenceStart;
        private int _spanStart = -1;
        private EntityLabel _spanLabel;

        public bool HasTokens => _tokens.Count > 0;

        public void Add(ReadOnlySpan<char> word, (char Part, EntityLabel Label) tag)
        {
            int index = _tokens.Count;
            bool opens = tag.Part is 'B' or 'S' or 'U' || (tag.Part != 'O' && (_spanStart < 0 || _spanLabel != tag.Label));
            if (tag.Part == 'O' || opens) CloseSpan(index);
            if (opens) { _spanStart = index; _spanLabel = tag.Label; }
            if (_text.Length > 0) _text.Append(index == _sentenceStart ? '\n' : ' ');
            int start = _text.Length;
            _text.Append(word);
            _tokens.Add(new Token(start, _text.Length));
            if (tag.Part is 'E' or 'L' or 'S' or 'U') CloseSpan(index + 1);
        }

        public void EndSentence()
        {
            CloseSpan(_tokens.Count);
            if (_tokens.Count > _sentenceStart) _sentences.Add(new Sentence(_sentenceStart, _tokens.Count));
            _sentenceStart = _tokens.Count;
        }

        public ConllDocument Build(bool docStart)
        {
            EndSentence();
            var doc = new ConllDocument(_text.ToString(), [.. _tokens], [.. _sentences], [.. _spans], docStart);
            _text.Clear(); _tokens.Clear(); _sentences.Clear(); _spans.Clear();
            _sentenceStart = 0;
            return doc;
        }

        private void CloseSpan(int end)
        {
            if (_spanStart >= 0 && end > _spanStart) _spans.Add(new LabeledSpan(_spanStart, end, _spanLabel));
            _spanStart = -1;
        }
    }
}
