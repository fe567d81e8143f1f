using Extractor.Recognition;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Training;

/// <summary>Scoring a model on gold CoNLL documents, as <c>extractor evaluate</c> reports it: predictions, conlleval-style scores, and an IOB2 prediction file.</summary>
internal static class Evaluation
{
    /// <summary>The spans <paramref name="recognizer"/> predicts in each document, in document order (documents are tagged in parallel).</summary>
    public static LabeledSpan[][] Predict(EntityRecognizer recognizer, IReadOnlyList<ConllDocument> documents) =>
        Spans(PredictMentions(recognizer, documents));

    /// <summary>The mentions, with their scores, that <paramref name="recognizer"/> finds in each document, in document order.</summary>
    public static Mention[][] PredictMentions(EntityRecognizer recognizer, IReadOnlyList<ConllDocument> documents)
    {
        var predicted = new Mention[documents.Count][];
        Parallel.For(0, documents.Count, d => predicted[d] = recognizer.Recognize(documents[d].Text, documents[d].Tokens, Capped(documents[d].Sentences)));
        return predicted;
    }

    /// <summary>The gold sentences cut every <see cref="SentenceSplitter.DefaultMaxTokens"/> tokens, as extract's splitter
    /// cuts text: the model is scored on what extract would tag, and a gold file with one 160,000-token "sentence"
    /// is tagged in linear time (the name rules work per sentence, and one that long took minutes).</summary>
    internal static Sentence[] Capped(IReadOnlyList<Sentence> sentences)
    {
        const int max = SentenceSplitter.DefaultMaxTokens;
        var capped = new List<Sentence>(sentences.Count);
        foreach (var sentence in sentences)
        {
            int start = sentence.FirstToken;
            for (; sentence.EndToken - start > max; start += max) capped.Add(new Sentence(start, start + max));
            capped.Add(new Sentence(start, sentence.EndToken));
        }
        return [.. capped];
    }

    /// <summary>The labeled token spans of <paramref name="mentions"/>.</summary>
    public static LabeledSpan[][] Spans(Mention[][] mentions) =>
        mentions.Select(ms => ms.Select(m => new LabeledSpan(m.FirstToken, m.EndToken, m.Label)).ToArray()).ToArray();

    /// <summary>
    /// Writes what <c>extractor evaluate</c> prints after its header: the conlleval table; with <paramref name="seen"/>
    /// (gold surfaces of the training data) the unseen-name row; and the calibration of the mention scores (ECE and a
    /// reliability table), for all mentions and for unseen names. Returns the scores, for <c>--min-f1</c>.
    /// </summary>
    public static SpanScorer WriteReport(TextWriter writer, IReadOnlyList<ConllDocument> documents, Mention[][] mentions, IReadOnlySet<string>? seen)
    {
        var spans = Spans(mentions);
        var scorer = Score(documents, spans);
        WriteTable(writer, scorer);
        if (seen is not null) writer.WriteLine(Row("unseen", ScoreUnseen(documents, spans, seen).Overall));
        Calibration(documents, mentions, null).WriteTable(writer, "all mentions");
        if (seen is not null) Calibration(documents, mentions, seen).WriteTable(writer, "unseen names");
        return scorer;
    }

    /// <summary>The reliability of the mention scores: each predicted mention (leaving out those whose surface is in
    /// <paramref name="seen"/>, when given) with whether it is a gold mention of the same span and type.</summary>
    public static ScoreReliability Calibration(IReadOnlyList<ConllDocument> documents, Mention[][] mentions, IReadOnlySet<string>? seen)
    {
        var reliability = new ScoreReliability();
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            var gold = doc.Spans.ToHashSet();
            foreach (var m in mentions[d])
            {
                var span = new LabeledSpan(m.FirstToken, m.EndToken, m.Label);
                if (seen is null || !seen.Contains(Surface(doc, span))) reliability.Add(m.Score, gold.Contains(span));
            }
        }
        return reliability;
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

    /// <summary>A span's surface as the unseen-name proxy compares it: its tokens joined by single spaces.</summary>
    public static string Surface(ConllDocument doc, LabeledSpan span) =>
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
