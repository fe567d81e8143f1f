using Extractor.IO.Output;
using Extractor.IO.Sources;
using Extractor.Pipeline;
using Extractor.Training;
using ConllEvaluation = Extractor.Training.Evaluation;

namespace Extractor.IO.Evaluation;

/// <summary>Scores the tool on gold CoNLL data: its tokens tagged as extract would tag them (name rules as the pipeline
/// is set), scored as conlleval scores them, with the optional unseen-name figures, prediction listing and reliability
/// diagram.</summary>
internal static class ConllScorer
{
    /// <summary>Writes the header and the report to <paramref name="writer"/>, and the listings to the targets given;
    /// returns the overall F1 in percent.</summary>
    /// <param name="pipeline">The pipeline whose tagging stage is scored.</param>
    /// <param name="goldPath">The gold CoNLL file.</param>
    /// <param name="seenPath">Training data: also score the names that are not a gold mention in it; or null.</param>
    /// <param name="predictions">Where to write 'word gold predicted' lines (IOB2), or null.</param>
    /// <param name="plot">Where to write the mention scores' reliability diagram (SVG), or null.</param>
    /// <param name="writer">The report.</param>
    /// <exception cref="InvalidDataException">A CoNLL file is missing or malformed; the message is one line naming it.</exception>
    public static double Evaluate(EntityPipeline pipeline, string goldPath, string? seenPath, OutputTarget? predictions, OutputTarget? plot, TextWriter writer)
    {
        var documents = ConllFiles.Read(goldPath);
        var seenDocuments = seenPath is null ? null : ConllFiles.Read(seenPath);
        var mentions = ConllEvaluation.PredictMentions(pipeline.Recognizer, documents);
        ModelLines.Write(pipeline.Options, writer);
        writer.WriteLine($"gold: {Path.GetFileName(goldPath)}, {documents.Count} documents, {documents.Sum(d => d.Tokens.Length)} tokens, {documents.Sum(d => d.Spans.Length)} entities");
        var scorer = ConllEvaluation.WriteReport(writer, documents, mentions, seenDocuments is null ? null : ConllEvaluation.MentionSurfaces(seenDocuments));
        if (plot is not null) OutputFiles.Write(plot, svg => svg.Write(ConllEvaluation.Calibration(documents, mentions, null).ToSvg()));
        if (predictions is not null) OutputFiles.Write(predictions, listing => ConllEvaluation.WritePredictions(listing, documents, ConllEvaluation.Spans(mentions)));
        return scorer.Overall.F1;
    }
}
