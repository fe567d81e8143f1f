using Extractor.Recognition;
using Extractor.Text;

namespace Extractor.Training;

/// <summary>Scoring a model on gold CoNLL documents, as <c>extractor evaluate</c> reports it: predictions, conlleval-style scores, and an IOB2 prediction file.</summary>
public static class Evaluation
{
    /// <summary>The spans <paramref name="recognizer"/> predicts in each document, in document order (documents are tagged in parallel).</summary>
    public static LabeledSpan[][] Predict(EntityRecognizer recognizer, IReadOnlyList<ConllDocument> documents)
    {
        var predicted = new LabeledSpan[documents.Count][];
        Parallel.For(0, documents.Count, d =>
        {
            var doc = documents[d];
            predicted[d] = recognizer.Recognize(doc.Text, doc.Tokens, doc.Sentences)
                .Select(m => new LabeledSpan(m.FirstToken, m.EndToken, m.Label)).ToArray();
        });
        return predicted;
    }

    /// <summary>Exact-span, micro-averaged scores of <paramref name="predicted"/> against the documents' gold spans.</summary>
    public static SpanScorer Score(IReadOnlyList<ConllDocument> documents, LabeledSpan[][] predicted)
    {
        var scorer = new SpanScorer();
        for (int d = 0; d < documents.Count; d++) scorer.Add(documents[d].Spans, predicted[d]);
        return scorer;
    }

    /// <summary>Writes <c>word gold predicted</c> lines in IOB2, a blank line after each sentence, as conlleval reads them.</summary>
    public static void WritePredictions(TextWriter writer, IReadOnlyList<ConllDocument> documents, LabeledSpan[][] predicted)
    {
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            if (doc.StartsWithDocStart) writer.Write("-DOCSTART- O O\n\n");
            var goldTags = Iob2(doc.Tokens.Length, doc.Spans);
            var predTags = Iob2(doc.Tokens.Length, predicted[d]);
            foreach (var s in doc.Sentences)
            {
                for (int i = s.FirstToken; i < s.EndToken; i++)
                    writer.Write($"{doc.Tokens[i].Of(doc.Text)} {goldTags[i]} {predTags[i]}\n");
                writer.Write('\n');
            }
        }
    }

    /// <summary>The surfaces (tokens joined by single spaces) of every gold mention in <paramref name="documents"/>.</summary>
    public static HashSet<string> MentionSurfaces(IEnumerable<ConllDocument> documents) =>
        documents.SelectMany(d => d.Spans.Select(s => Surface(d, s))).ToHashSet(StringComparer.Ordinal);

    /// <summary>Scores restricted to names never seen as a gold mention in training (<paramref name="seen"/>): gold and
    /// predicted spans whose surface is in it are left out of both sides. A proxy for accuracy on new names.</summary>
    public static SpanScorer ScoreUnseen(IReadOnlyList<ConllDocument> documents, LabeledSpan[][] predicted, IReadOnlySet<string> seen)
    {
        var scorer = new SpanScorer();
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            scorer.Add(doc.Spans.Where(s => !seen.Contains(Surface(doc, s))).ToArray(), predicted[d].Where(s => !seen.Contains(Surface(doc, s))).ToArray());
        }
        return scorer;
    }

    private static string Surface(ConllDocument doc, LabeledSpan span) =>
        string.Join(' ', doc.Tokens[span.First..span.End].Select(t => t.Of(doc.Text).ToString()));

    /// <summary>Writes the conlleval-style table: a header, one row per label, and the overall row.</summary>
    public static void WriteTable(TextWriter writer, SpanScorer scorer)
    {
        writer.WriteLine("type      precision  recall     F1   gold  predicted");
        foreach (var label in EntityLabels.All) writer.WriteLine(Row(label.ToConll(), scorer.For(label)));
        writer.WriteLine(Row("overall", scorer.Overall));
    }

    /// <summary>One row of <see cref="WriteTable"/>'s table.</summary>
    public static string Row(string name, Score s) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{name,-8} {s.Precision,10:F2} {s.Recall,7:F2} {s.F1,6:F2} {s.Gold,6} {s.Predicted,10}");

    /// <summary>One IOB2 tag per token (<c>B-PER</c>, <c>I-PER</c>, <c>O</c>) for <paramref name="n"/> tokens holding <paramref name="spans"/>.</summary>
    internal static string[] Iob2(int n, IEnumerable<LabeledSpan> spans)
    {
        var tags = Enumerable.Repeat("O", n).ToArray();
        foreach (var span in spans)
            for (int i = span.First; i < span.End; i++)
                tags[i] = (i == span.First ? "B-" : "I-") + span.Label.ToConll();
        return tags;
    }
}
