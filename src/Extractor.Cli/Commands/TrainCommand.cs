using System.CommandLine;
using System.Globalization;
using Extractor.IO;
using Extractor.IO.Evaluation;
using Extractor.IO.Output;
using Extractor.IO.Sources;
using Extractor.Knowledge;
using Extractor.Models;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Training;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor train</c>: trains a model from CoNLL files, choosing the epoch by dev F1.</summary>
internal static class TrainCommand
{
    public const string Examples = """
        Examples:
          extractor train --train eng.train --dev eng.testa -o models/extractor.model --clusters kmeans1000.paths
          extractor train --train eng.train --dev eng.testa -o ablation.model --without SecondPass
        """;

    public static Command Create()
    {
        var train = new Option<FileInfo>("--train") { Description = "Training data, CoNLL-2003 column format (IOB1 or IOB2)", Required = true };
        var dev = new Option<FileInfo>("--dev") { Description = "Development data used to pick the best epoch and calibrate scores", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the model", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per stage (the best one on --dev is kept)", DefaultValueFactory = _ => 15 }.Within(1, int.MaxValue);
        var seed = new Option<int>("--seed") { Description = "Seed for the sentence shuffle; same seed, same model", DefaultValueFactory = _ => 1 }.Within(int.MinValue, int.MaxValue);
        var encoding = new Option<TagEncoding>("--encoding") { Description = "Tag encoding: Bio or Bilou", DefaultValueFactory = _ => TagEncoding.Bilou };
        var without = new Option<FeatureSet[]>("--without") { Description = "Feature groups to leave out, for ablations (e.g. SecondPass, WordClasses, Gazetteers)", AllowMultipleArgumentsPerToken = true };
        var clusters = new Option<FileInfo[]>("--clusters") { Description = "Word classes (paths files from extractor clusters: BITS<TAB>WORD<TAB>COUNT) to build into the model; several files become layers", AllowMultipleArgumentsPerToken = true };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => 1 }.Within(1, int.MaxValue);
        var lists = new Option<string[]>("--list") { Description = "A phrase list to compile into the model, NAME=FILE (one name per line; repeatable; scripts/gazetteers/build.sh makes them)" };
        var dropout = new Option<double?>("--word-dropout") { Description = "Hide this share (0 to 1) of rare words' training occurrences, so the model learns to tag words it never saw (default: none)" }.Within(0, 1);
        var dropoutCount = new Option<int>("--word-dropout-max-count") { Description = "With --word-dropout: a word seen at most this many times in training is rare", DefaultValueFactory = _ => 1 }.Within(1, int.MaxValue);
        var folds = new Option<int>("--folds") { Description = "Folds for the second pass's jackknifed first-pass labels", DefaultValueFactory = _ => 5 }.Within(2, 100);
        var command = new Command("train", "Train the entity tagger on CoNLL-2003 data")
        {
            train, dev, output, epochs, seed, encoding, without, clusters, minCount, folds, lists, dropout, dropoutCount,
        };
        command.SetAction(parse =>
        {
            var features = FeatureSet.All;
            foreach (var f in parse.GetValue(without) ?? []) features &= ~f;
            var options = new TrainingOptions(parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(encoding),
                features, parse.GetValue(minCount), parse.GetValue(folds), parse.GetValue(dropout) ?? 0, parse.GetValue(dropoutCount));
            var stdout = parse.InvocationConfiguration.Output;
            var trainFile = parse.GetRequiredValue(train);
            var devFile = parse.GetRequiredValue(dev);
            var classFiles = parse.GetValue(clusters) ?? [];
            var listSpecs = parse.GetValue(lists) ?? [];
            // Checked before the minutes of training: never one of the files read, never a folder or a missing one.
            var target = OutputFiles.Check(parse.GetRequiredValue(output).ToString(),
                [trainFile.ToString(), devFile.ToString(), .. classFiles.Select(f => f.ToString()), .. listSpecs.Select(l => l[(l.IndexOf('=') + 1)..])]);
            var classes = classFiles.Length > 0 ? WordClassFile.Read([.. classFiles.Select(f => f.ToString())]) : null;
            var lexicon = listSpecs.Length == 0 ? WordLists.Default : WordLists.Default.WithLists(PhraseLists.ReadFiles(listSpecs, EntityPipeline.Tokenizer));
            var trainDocs = ConllFiles.Read(trainFile.ToString());
            var devDocs = ConllFiles.Read(devFile.ToString());
            foreach (var (file, docs) in new[] { (trainFile, trainDocs), (devFile, devDocs) })
                if (ConllReader.Unusable(docs) is { } why) throw new UserErrorException($"{DiagnosticText.Escape(file.ToString())}: {why}");
            stdout.WriteLine($"train: {trainFile.Name} ({trainDocs.Count} documents, {trainDocs.Sum(d => d.Tokens.Length)} tokens); dev: {devFile.Name} ({devDocs.Count} documents)");
            var trainer = new PerceptronTrainer(options, classes, lexicon);
            stdout.WriteLine($"settings: {trainer.Options.Describe()}{(classes is null ? "" : $" classes={classes.WordCount} words")}");
            var progress = new SynchronousProgress<EpochReport>(r => stdout.WriteLine(double.IsNaN(r.DevF1)
                ? $"{r.Stage}: trained ({r.Elapsed.TotalSeconds:F0} s)"
                : string.Create(CultureInfo.InvariantCulture, $"{r.Stage} epoch {r.Epoch,2}: dev F1 {r.DevF1:F2} ({r.Elapsed.TotalSeconds:F0} s)")), stdout);
            string data = $"{trainFile.Name} ({trainDocs.Sum(d => d.Tokens.Length)} tokens), dev {devFile.Name}{(classes is null ? "" : $", classes {string.Join(" + ", classFiles.Select(f => f.Name))}")}{(listSpecs.Length == 0 ? "" : $", lists {string.Join(" + ", listSpecs.Select(l => l.Split('=')[0] + ":" + Path.GetFileName(l[(l.IndexOf('=') + 1)..])))}")}";
            var model = trainer.Train(trainDocs, devDocs, data, progress);
            OutputFiles.Write(target, stream => ModelWriter.Write(model, stream));
            var outFile = new FileInfo(target.File);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kept dev F1 {model.Info.DevF1:F2}; wrote {outFile.FullName} ({outFile.Length / 1024.0 / 1024.0:F1} MB, {model.FirstPass.Index.Count + (model.SecondPass?.Index.Count ?? 0)} features)"));
            return ExitCodes.Success;
        });
        return command;
    }
}
