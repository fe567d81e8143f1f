using System.CommandLine;
using System.Globalization;
using Extractor.IO.Batch;
using Extractor.IO.Evaluation;
using Extractor.IO.Models;
using Extractor.IO.Output;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor evaluate</c>: conlleval-style precision, recall and F1 of a model on gold CoNLL data.</summary>
internal static class EvaluateCommand
{
    public const string Examples = """
        Examples:
          extractor evaluate --gold eng.testa
          extractor evaluate --gold eng.testa --predictions testa.pred --min-f1 91.5
          extractor evaluate --gold news-gold.jsonl --texts news/      mentions labelled in your own texts
        """;

    public static Command Create(Option<FileInfo?> modelOption)
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold data: CoNLL-2003 column format, or JSONL mentions (document, start, end, type; code points) of the texts in --texts", Required = true };
        var texts = new Option<DirectoryInfo?>("--texts") { Description = "JSONL gold: the folder of the documents it labels (default: the gold file's name without -gold.jsonl)" };
        var optional = new Option<FileInfo?>("--optional") { Description = "JSONL gold: spans a mention may match without counting either way (default: the sibling -optional.jsonl)" };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write 'word gold predicted' lines (IOB2) to this file" };
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with status 1 when overall F1 is below this (0 to 100)" }.Within(0, 100);
        var seen = new Option<FileInfo?>("--unseen-from") { Description = "Also score only names that are not a gold mention in this CoNLL file (the training data): a proxy for new names" };
        var plot = new Option<FileInfo?>("--calibration-plot") { Description = "Also write a reliability diagram of the mention scores (SVG) to this file" };
        var raw = new Option<bool>("--no-name-rules") { Description = "Score the tagger's spans without the name rules of docs/annotation-guidelines.md" };
        var accurate = new AccurateTier();
        var command = new Command("evaluate", "Score the model on gold CoNLL data (exact span match, micro-averaged, as conlleval)")
        {
            gold, texts, optional, modelOption, accurate.Switch, accurate.File, predictions, minF1, seen, raw, plot,
        };
        command.SetAction(parse =>
        {
            var goldFile = parse.GetRequiredValue(gold);
            var seenFile = parse.GetValue(seen);
            // Both outputs are checked before the minutes of tagging, against every file read and against each other.
            string?[] reads = [goldFile.ToString(), seenFile?.ToString(), parse.GetValue(modelOption)?.ToString(), accurate.Path(parse)];
            var predictionsTarget = parse.GetValue(predictions) is { } p ? OutputFiles.Check(p.ToString(), reads) : null;
            var plotTarget = parse.GetValue(plot) is { } svg ? OutputFiles.Check(svg.ToString(), [.. reads, predictionsTarget?.File]) : null;
            bool mentionGold = goldFile.Name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
            if (mentionGold && ((predictionsTarget ?? plotTarget) is not null || seenFile is not null))
                throw new UserErrorException("--predictions, --calibration-plot and --unseen-from need CoNLL gold; a JSONL gold is scored by mentions");
            var io = parse.InvocationConfiguration;
            var model = ModelFiles.Load(parse.GetValue(modelOption)?.ToString());
            var pipeline = new EntityPipeline(new PipelineOptions(model) { NameRules = !parse.GetValue(raw), Accurate = accurate.Beside(accurate.Load(parse), model, parse) });
            double f1 = mentionGold
                ? GoldMentionScorer.Evaluate(pipeline, goldFile.ToString(), parse.GetValue(texts)?.ToString(), parse.GetValue(optional)?.ToString(), io.Output, io.Error)
                : ConllScorer.Evaluate(pipeline, goldFile.ToString(), seenFile?.ToString(), predictionsTarget, plotTarget, io.Output);
            double? min = parse.GetValue(minF1);
            if (min is { } m && f1 < m)
            {
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: overall F1 {f1:F2} is below --min-f1 {m:F2}"));
                return ExitCodes.PartialFailure;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
