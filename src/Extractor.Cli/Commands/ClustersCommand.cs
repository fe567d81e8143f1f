using System.CommandLine;
using System.Diagnostics;
using Extractor.Clustering;
using Extractor.Tokenization;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor clusters</c>: learns Brown word classes from unlabeled text, tokenized as the tagger tokenizes.</summary>
internal static class ClustersCommand
{
    public const string Examples = """
        Examples:
          extractor clusters --input reuters.txt.gz bbc.txt.gz wiki.txt.gz --output brown.paths --clusters 500 --min-count 10
        """;

    public static Command Create()
    {
        var input = new Option<FileInfo[]>("--input", "-i") { Description = "Unlabeled text, one paragraph per line (.gz or plain), read in the order given", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Paths file to write: BITS<TAB>WORD<TAB>COUNT", Required = true };
        var clusters = new Option<int>("--clusters", "-c") { Description = "Number of clusters in the active set (C)", DefaultValueFactory = _ => 500 };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times get no class", DefaultValueFactory = _ => 10 };
        var maxTokens = new Option<long>("--max-tokens") { Description = "Stop reading after this many tokens", DefaultValueFactory = _ => long.MaxValue };
        var command = new Command("clusters", "Learn Brown word classes from unlabeled text (deterministic: no seed needed)")
        {
            input, output, clusters, minCount, maxTokens,
        };
        clusters.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 2) r.AddError("--clusters must be at least 2"); });
        command.SetAction((parse, cancel) =>
        {
            var files = parse.GetRequiredValue(input);
            if (files.FirstOrDefault(f => !f.Exists) is { } missing) throw new UserErrorException($"{missing}: no such file");
            var stdout = parse.InvocationConfiguration.Output;
            var clock = Stopwatch.StartNew();
            var options = new ClusterJobOptions([.. files.Select(f => f.FullName)], parse.GetValue(clusters), parse.GetValue(minCount), parse.GetValue(maxTokens));
            var tokenizer = new Tokenizer();
            var progress = new SynchronousProgress<string>(line => stdout.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {line}"), stdout);
            var result = ClusterJob.Run(options, tokenizer.Tokenize, progress, cancel);
            var target = parse.GetRequiredValue(output);
            string temp = target.FullName + ".tmp";
            using (var writer = new StreamWriter(temp) { NewLine = "\n" }) result.Write(writer);
            File.Move(temp, target.FullName, overwrite: true);
            stdout.WriteLine($"wrote {target.FullName}: {result.WordCount} words in {result.Count} clusters ({clock.Elapsed.TotalMinutes:F1} min)");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
