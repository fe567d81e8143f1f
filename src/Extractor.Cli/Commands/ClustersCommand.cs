using System.CommandLine;
using System.Diagnostics;
using Extractor.Clustering;
using Extractor.IO;
using Extractor.IO.Output;
using Extractor.IO.Sources;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor clusters</c>: learns word classes (k-means or Brown) from unlabeled text, tokenized as the tagger tokenizes.</summary>
internal static class ClustersCommand
{
    public const string Examples = """
        Examples:
          extractor clusters --input reuters.txt.gz bbc.txt.gz wiki.txt.gz --output kmeans1000.paths --assign-min-count 10 --phrases 10
          extractor clusters --input reuters.txt.gz bbc.txt.gz wiki.txt.gz --output brown.paths --algorithm Brown --clusters 500 --min-count 10
        """;

    public static Command Create()
    {
        var input = new Option<FileInfo[]>("--input", "-i") { Description = "Unlabeled text, one paragraph per line (.gz or plain), read in the order given", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Paths file to write: BITS<TAB>WORD<TAB>COUNT", Required = true };
        var clusters = new Option<int>("--clusters", "-c") { Description = "Number of classes (for Brown, the active set's size)", DefaultValueFactory = _ => 1000 }.Within(2, 1 << 20);
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times get no class", DefaultValueFactory = _ => 25 }.Within(1, int.MaxValue);
        var maxTokens = new Option<long>("--max-tokens") { Description = "Stop reading after this many tokens", DefaultValueFactory = _ => long.MaxValue }.Within(1, long.MaxValue);
        var algorithm = new Option<ClusterAlgorithm>("--algorithm") { Description = "KMeans (PMI-weighted ±2 contexts, with a Ward merge tree; the shipped model's classes) or Brown (class bigrams)", DefaultValueFactory = _ => ClusterAlgorithm.KMeans };
        var seed = new Option<int>("--seed") { Description = "Initial centroids for KMeans; same seed, same classes", DefaultValueFactory = _ => 1 }.Within(int.MinValue, int.MaxValue);
        var contextWords = new Option<int>("--context-words") { Description = "Most frequent words used as KMeans context features", DefaultValueFactory = _ => 5000 }.Within(1, 1 << 20);
        var assignMinCount = new Option<int?>("--assign-min-count") { Description = "KMeans: words seen at least this often but under --min-count join the nearest class afterwards, without moving it (default: none)" }.Within(1, int.MaxValue);
        var phrases = new Option<int?>("--phrases") { Description = "KMeans: runs of 2 to 4 capitalized words (\"Manchester United\") seen at least this often join the nearest class as phrases (default: none)" }.Within(1, int.MaxValue);
        var command = new Command("clusters", "Learn word classes from unlabeled text (deterministic for a given seed)")
        {
            input, output, clusters, minCount, maxTokens, algorithm, seed, contextWords, assignMinCount, phrases,
        };
        command.SetAction((parse, cancel) =>
        {
            var files = parse.GetRequiredValue(input);
            if (files.FirstOrDefault(f => !f.Exists) is { } missing) throw new UserErrorException($"{DiagnosticText.Escape(missing.ToString())}: no such file");
            // Checked before the hour of clustering: never one of the inputs, never a folder or a missing one.
            var target = OutputFiles.Check(parse.GetRequiredValue(output).ToString(), files.Select(f => f.ToString()));
            var stdout = parse.InvocationConfiguration.Output;
            var clock = Stopwatch.StartNew();
            var options = new ClusterJobOptions([.. files.Select(f => f.ToString())], parse.GetValue(clusters), parse.GetValue(minCount), parse.GetValue(maxTokens),
                parse.GetValue(algorithm), parse.GetValue(seed), parse.GetValue(contextWords), parse.GetValue(assignMinCount),
                parse.GetValue(phrases));
            // Checked here rather than in a validator, where options left at their defaults read as unset.
            if (options.Problem() is { } problem) throw new UserErrorException(problem);
            var progress = new SynchronousProgress<string>(line => stdout.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {line}"), stdout);
            WordClusters result;
            try { result = ClusterJob.Run(options, EntityPipeline.Tokenizer.Tokenize, progress, cancel); }
            catch (InvalidDataException e) { throw new UserErrorException(e.Message, ExitCodes.PartialFailure); }
            OutputFiles.Write(target, writer => result.Write(writer));
            stdout.WriteLine($"wrote {Path.GetFullPath(target.File)}: {result.WordCount} words in {result.Count} clusters ({clock.Elapsed.TotalMinutes:F1} min)");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
