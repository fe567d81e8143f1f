using System.CommandLine;
using System.Globalization;
using Extractor.Calibration;
using Extractor.Models;
using Extractor.Recognition;
using Extractor.Training;
using Microsoft.ML;

// extractor-calibrate: compares mention calibrators on jackknifed cross-validation predictions (each fitted on four
// folds, scored on the fifth), scores each fitted on all folds against hand labels of shifted-domain text, and writes
// the chosen one into a model file. Maintainer tool (issue #21); commands in models/README.md.
var declared = new Dictionary<string, Option<string>>
{
    ["cv"] = new("--cv") { Description = "Folder of cross-validation folds: model{k}.model, fold{k}.conll, train{k}.conll", Required = true },
    ["model"] = new("--model") { Description = "The model to score hand labels with and to write the chosen calibrator into" },
    ["seen"] = new("--seen") { Description = "The training data, CoNLL: names in it are seen, the rest unseen" },
    ["labels"] = new("--labels") { Description = "Hand labels of shifted-domain text (models/calibration/*.tsv)" },
    ["text"] = new("--text") { Description = "The text the labels are on (gzip, one paragraph per line)" },
    ["method"] = new("--method") { Description = "The calibrator to write" },
    ["output"] = new("--output") { Description = "Where to write the model with the chosen calibrator" },
};
declared["method"].AcceptOnlyFromAmong([.. Methods.Names]);
var root = new RootCommand("extractor-calibrate: compares mention calibrators on jackknifed cross-validation predictions and writes the chosen one into a model file");
foreach (var option in declared.Values) root.Options.Add(option);
root.Validators.Add(result =>
{
    bool Has(string name) => result.GetResult(declared[name]) is not null;
    if (Has("labels") != Has("text") || (Has("labels") && (!Has("model") || !Has("seen"))))
        result.AddError("--labels needs --text, --model and --seen");
    if (Has("method") != Has("output") || (Has("output") && !Has("model")))
        result.AddError("--method and --output go together, with --model");
});
var parse = root.Parse(args);
if (parse.Action is System.CommandLine.Help.HelpAction) return parse.Invoke();
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"extractor-calibrate: {error.Message}");
    Console.Error.WriteLine("usage: extractor-calibrate --cv CV_DIR [--model SHIPPED.model] [--seen eng.train --labels LABELS.tsv --text BBC.txt.gz] [--method NAME --output OUT.model]");
    return 2;
}
string? Option(string name) => parse.GetValue(declared[name]);
string cv = Option("cv")!;

const int folds = 5;
var inv = CultureInfo.InvariantCulture;
var ml = new MLContext(seed: 1);
var (records, gold) = JackknifedMentions.Read(cv, folds);
int unseen = records.Count(r => r.Unseen);
Console.WriteLine($"{records.Count} predicted mentions over {folds} folds ({unseen} of unseen names, {records.Count(r => r.Right)} right), {gold} gold");
List<FoldMention>? shifted = null;
if (Option("labels") is { } labels)
{
    var pipeline = JackknifedMentions.RawPipeline(ModelReader.ReadFile(Option("model")!));
    var documents = HandLabels.Read(labels, Option("text")!);
    var recognizer = pipeline.Recognizer;
    var seen = Evaluation.MentionSurfaces(ConllReader.ReadFile(Option("seen")!));
    shifted = JackknifedMentions.Of(recognizer, documents, seen, -1).ToList();
    int labelled = documents.Sum(d => d.Spans.Length), right = shifted.Count(r => r.Right);
    Console.WriteLine(string.Create(inv, $"hand-labelled text: {documents.Count} lines, {labelled} gold, {shifted.Count} predicted, {right} right: F1 {200.0 * right / (labelled + shifted.Count):F2}"));
}
var tables = new List<(string, ScoreReliability)>();
Console.WriteLine("method               ECE cv  ECE unseen  Brier cv  Brier unseen  F1 drop<0.5  hand-labelled: ECE  Brier  ECE - raw (90% interval)");
float[]? rawHand = shifted?.Select(r => r.Raw).ToArray();
foreach (string name in Methods.Names)
{
    var all = new ScoreReliability();
    var fresh = new ScoreReliability();
    double brier = 0, brierUnseen = 0;
    int kept = 0, keptRight = 0;
    for (int k = 0; k < folds; k++)
    {
        var fitted = Methods.Fit(name, records.Where(r => r.Fold != k).ToList(), ml);
        foreach (var r in records.Where(r => r.Fold == k))
        {
            float p = fitted.Probability(r);
            double e = (p - (r.Right ? 1 : 0)) * (p - (r.Right ? 1 : 0));
            all.Add(p, r.Right);
            brier += e;
            if (r.Unseen)
            {
                fresh.Add(p, r.Right);
                brierUnseen += e;
            }
            if (p >= 0.5f)
            {
                kept++;
                if (r.Right) keptRight++;
            }
        }
    }
    string hand = "";
    if (shifted is not null)
    {
        var onAll = Methods.Fit(name, records, ml);
        var reliability = new ScoreReliability();
        foreach (var r in shifted) reliability.Add(onAll.Probability(r), r.Right);
        var p = shifted.Select(onAll.Probability).ToArray();
        double handBrier = shifted.Select((r, i) => (p[i] - (r.Right ? 1 : 0)) * (p[i] - (r.Right ? 1 : 0))).Average();
        var (low, high) = Bootstrap.EceDifference(shifted, p, rawHand!);
        hand = string.Create(inv, $"{reliability.ExpectedCalibrationError,6:F4} {handBrier,6:F4}  {low:+0.000;-0.000} to {high:+0.000;-0.000}");
        if (name == Option("method")) tables.Add((name, reliability));
    }
    double f1 = 200.0 * keptRight / (kept + gold);
    Console.WriteLine(string.Create(inv, $"{name,-20} {all.ExpectedCalibrationError,6:F4} {fresh.ExpectedCalibrationError,11:F4} {brier / records.Count,9:F4} {brierUnseen / unseen,13:F4} {f1,12:F2}   {hand}"));
}
foreach (var (name, table) in tables) table.WriteTable(Console.Out, $"{name}, hand-labelled text");
Console.WriteLine(string.Create(inv, $"F1 keeping every mention: {200.0 * records.Count(r => r.Right) / (records.Count + gold):F2}"));
if (Option("method") is not { } method) return 0;
var chosen = Methods.Fit(method, records, ml);
string description = string.Create(inv, $"{method} on {records.Count} jackknifed mentions of {Path.GetFileName(Path.TrimEndingDirectorySeparator(cv))}");
var calibrator = chosen.Export(description) ?? throw new InvalidOperationException($"{method} cannot be written into a model file");
var target = ModelReader.ReadFile(Option("model")!);
// The settings line (shown by evaluate) says the scores are calibrated; a refit replaces the earlier note.
string settings = target.Info.Settings.Split(" scores=")[0] + $" scores={method}";
ModelWriter.WriteFile(target with { Calibrator = calibrator, Info = target.Info with { Settings = settings } }, Option("output")!);
Console.WriteLine($"wrote {Option("output")}: {description}");
return 0;
