using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Text;

namespace Extractor.Training;

/// <summary>Labelled documents featurized once: token infos and the gold tags for one tag set.</summary>
internal sealed class CorpusFeatures
{
    public CorpusFeatures(IReadOnlyList<ConllDocument> documents, TagSet tags, WordClassTable? classes, WordLists? lexicon)
    {
        Documents = documents;
        Infos = new TokenInfo[documents.Count][];
        Gold = new int[documents.Count][];
        var featurizer = new DocumentFeaturizer(classes, lexicon);
        var spans = new List<(int, int, EntityLabel)>();
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            Infos[d] = new TokenInfo[doc.Tokens.Length];
            featurizer.Fill(doc.Text, doc.Tokens, doc.Sentences, Infos[d]);
            Gold[d] = new int[doc.Tokens.Length];
            foreach (var s in doc.Sentences)
            {
                spans.Clear();
                foreach (var span in doc.Spans)
                    if (span.First >= s.FirstToken && span.End <= s.EndToken)
                        spans.Add((span.First - s.FirstToken, span.End - s.FirstToken, span.Label));
                tags.Encode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans), Gold[d].AsSpan(s.FirstToken, s.Count));
            }
        }
    }

    public IReadOnlyList<ConllDocument> Documents { get; }

    public TokenInfo[][] Infos { get; }

    public int[][] Gold { get; }

    /// <summary>Sets the second-pass inputs of document <paramref name="d"/> from first-pass tags.</summary>
    public void SetFirstPass(int d, TagSet set, ReadOnlySpan<int> tags, DocumentFeaturizer featurizer)
    {
        var labels = new byte[tags.Length];
        EntityRecognizer.LabelsOf(set, tags, labels);
        featurizer.AddFirstPass(labels, Infos[d]);
    }

    /// <summary>Spans decoded from tags of one document.</summary>
    public static LabeledSpan[] SpansOf(TagSet set, ConllDocument doc, ReadOnlySpan<int> tags)
    {
        var spans = new List<LabeledSpan>();
        var sentenceSpans = new List<(int First, int End, EntityLabel Label)>();
        foreach (var s in doc.Sentences)
        {
            sentenceSpans.Clear();
            set.Decode(tags[s.FirstToken..s.EndToken], sentenceSpans);
            foreach (var (first, end, label) in sentenceSpans)
                spans.Add(new LabeledSpan(first + s.FirstToken, end + s.FirstToken, label));
        }
        return [.. spans];
    }
}
