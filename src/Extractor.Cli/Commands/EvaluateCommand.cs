using System.CommandLine;
using System.Globalization;
using Extractor.IO.Output;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Training;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor evaluate</c>: conlleval-style precision, recall and F1 of a model on gold CoNLL data.</summary>
internal static class EvaluateCommand
{
    public const string Examples = """
        Examples:
          extractor evaluate --gold eng.testa
          extractor evaluate --gold eng.testa --predictions testa.pred --min-f1 91.5
        """;

    public static Command Create(Option<FileInfo?> modelOption)
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold data, CoNLL-2003 column format", Required = true };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write 'word gold predicted' lines (IOB2) to this file" };
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with status 1 when overall F1 is below this (0 to 100)" }.Within(0, 100);
        var seen = new Option<FileInfo?>("--unseen-from") { Description = "Also score only names that are not a gold mention in this CoNLL file (the training data): a proxy for new names" };
        var plot = new Option<FileInfo?>("--calibration-plot") { Description = "Also write a reliability diagram of the mention scores (SVG) to this file" };
        var raw = new Option<bool>("--no-name-rules") { Description = "Score the tagger's spans without the name rules of docs/annotation-guidelines.md" };
        var command = new Command("evaluate", "Score the model on gold CoNLL data (exact span match, micro-averaged, as conlleval)")
        {
            gold, modelOption, predictions, minF1, seen, raw, plot,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var goldFile = parse.GetRequiredValue(gold);
            var seenFile = parse.GetValue(seen);
            // Both outputs are checked before the minutes of tagging, against every file read and against each other.
            string?[] reads = [goldFile.ToString(), seenFile?.ToString(), parse.GetValue(modelOption)?.ToString()];
            var predictionsTarget = parse.GetValue(predictions) is { } p ? OutputFiles.Check(p.ToString(), reads) : null;
            var plotTarget = parse.GetValue(plot) is { } svg ? OutputFiles.Check(svg.ToString(), [.. reads, predictionsTarget?.File]) : null;
            var model = ModelLocator.Load(parse.GetValue(modelOption));
            var recognizer = new EntityRecognizer(model, WordLists.Default, new RecognizerOptions(NameRules: !parse.GetValue(raw)));
            var documents = ConllFiles.Read(goldFile);
            var seenDocuments = seenFile is null ? null : ConllFiles.Read(seenFile);
            var mentions = Evaluation.PredictMentions(recognizer, documents);
            stdout.WriteLine($"model: {model.Info.Version} ({model.Info.Settings})");
            stdout.WriteLine($"gold: {goldFile.Name}, {documents.Count} documents, {documents.Sum(d => d.Tokens.Length)} tokens, {documents.Sum(d => d.Spans.Length)} entities");
            var scorer = Evaluation.WriteReport(stdout, documents, mentions, seenDocuments is null ? null : Evaluation.MentionSurfaces(seenDocuments));
            if (plotTarget is not null) OutputFiles.Write(plotTarget, writer => writer.Write(Evaluation.Calibration(documents, mentions, null).ToSvg()));
            if (predictionsTarget is not null) OutputFiles.Write(predictionsTarget, writer => Evaluation.WritePredictions(writer, documents, Evaluation.Spans(mentions)));
            double? min = parse.GetValue(minF1);
            if (min is { } m && scorer.Overall.F1 < m)
            {
                parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: overall F1 {scorer.Overall.F1:F2} is below --min-f1 {m:F2}"));
                return ExitCodes.PartialFailure;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
