using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Extractor.Training;

namespace Extractor.Calibration;

/// <summary>
/// The predicted mentions of each fold of a <c>scripts/crossval.sh</c> run, tagged by the model that never saw the
/// fold (<c>model{k}.model</c> on <c>fold{k}.conll</c>, names unseen against <c>train{k}.conll</c>): labels for the
/// confidence model that no tagger earned by memorizing the sentence.
/// </summary>
internal static class JackknifedMentions
{
    /// <summary>The records of every fold in <paramref name="directory"/>, in fold and document order, with raw scores,
    /// and the number of gold mentions (for F1 when low-scored mentions are dropped).</summary>
    public static (List<FoldMention> Records, int Gold) Read(string directory, int folds)
    {
        var records = new List<FoldMention>();
        int gold = 0;
        for (int k = 0; k < folds; k++)
        {
            var model = Models.ModelReader.ReadFile(Path.Combine(directory, $"model{k}.model"));
            var recognizer = RawPipeline(model).Recognizer;
            var documents = ConllReader.ReadFile(Path.Combine(directory, $"fold{k}.conll"));
            var seen = Evaluation.MentionSurfaces(ConllReader.ReadFile(Path.Combine(directory, $"train{k}.conll")));
            records.AddRange(Of(recognizer, documents, seen, k));
            gold += documents.Sum(d => d.Spans.Length);
        }
        return (records, gold);
    }

    /// <summary>The pipeline extract runs, with the tagger's raw scores: what a calibrator is fitted on.</summary>
    public static EntityPipeline RawPipeline(NerModel model) => new(new PipelineOptions(model with { Calibrator = null }));

    /// <summary>The records of <paramref name="documents"/> as <paramref name="recognizer"/> tags them.</summary>
    public static IEnumerable<FoldMention> Of(EntityRecognizer recognizer, IReadOnlyList<ConllDocument> documents, IReadOnlySet<string>? seen, int fold)
    {
        var evidence = new List<MentionEvidence>();
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            evidence.Clear();
            var mentions = recognizer.Recognize(doc.Text, doc.Tokens, doc.Sentences, evidence);
            var gold = doc.Spans.ToHashSet();
            for (int i = 0; i < mentions.Length; i++)
            {
                var span = new LabeledSpan(mentions[i].FirstToken, mentions[i].EndToken, mentions[i].Label);
                var vector = new float[MentionEvidence.Count];
                evidence[i].Write(vector);
                yield return new FoldMention(fold, d, vector, gold.Contains(span), seen is not null && !seen.Contains(Evaluation.Surface(doc, span)));
            }
        }
    }
}
