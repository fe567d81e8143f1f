using System.CommandLine;
using Extractor.IO.Batch;
using Extractor.IO.Output;
using Extractor.IO.Sources;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor merge</c>: the corpus tables of sharded runs into the one table a single run would write.</summary>
internal static class MergeCommand
{
    public const string Examples = """
        Examples:
          parallel extractor extract articles/ --shard {}/4 -l corpus -o part{}.csv ::: 0 1 2 3
          extractor merge part0.csv part1.csv part2.csv part3.csv -o corpus.csv
        """;

    public static Command Create()
    {
        var paths = new Argument<FileInfo[]>("file") { Description = "Corpus-level tables (extract -l corpus) of runs over disjoint inputs, all CSV, TSV, JSON or JSONL", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file (replaced only when the merge succeeds); default stdout" };
        var written = new OutputSettings("from --output's extension, else the inputs' format");
        var command = new Command("merge", "Merge corpus-level tables of sharded runs (documents and mentions summed, aliases united)") { paths, output };
        foreach (var option in written.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var files = parse.GetRequiredValue(paths).Select(f => f.ToString()).ToArray();
            if (files.FirstOrDefault(f => f.StartsWith('-') && !Path.Exists(f)) is { } unknown)
                throw new UserErrorException($"unknown option '{DiagnosticText.Escape(unknown)}' (see 'extractor merge --help')");
            if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
                throw new UserErrorException($"{DiagnosticText.Escape(missing)}: {(Directory.Exists(missing) ? "is a folder; give corpus tables" : "no such file")}");
            var outFile = parse.GetValue(output)?.ToString() is { } o && o != "-" ? o : null;
            var target = outFile is null ? null : OutputFiles.Check(outFile, files);
            var (entities, read) = Read(files);
            var (chosen, options) = written.Read(parse, outFile, read, OutputSettings.RunInfo(parse));
            try
            {
                if (target is null) CorpusMerge.Write(entities, chosen, options, parse.InvocationConfiguration.Output);
                else CorpusMerge.Write(entities, chosen, options, target);
            }
            catch (IOException e) when (target is not null)
            {
                throw new UserErrorException($"{DiagnosticText.Escape(outFile!)}: cannot write output ({DiagnosticText.Reason(e)}); it was left as it was", ExitCodes.OutputFailed);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A bad or unreadable table fails the whole merge (exit 1): a table missing a shard would be wrong, not partial.</summary>
    private static (IReadOnlyList<Extractor.Resolution.CorpusEntity>, OutputFormat) Read(string[] files)
    {
        try { return CorpusMerge.Read(files); }
        catch (Exception e) when (e is InvalidDataException or IOException) { throw new UserErrorException(e.Message, ExitCodes.PartialFailure); }
    }
}
