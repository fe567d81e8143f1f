using System.CommandLine;
using System.Diagnostics;
using Extractor.IO.Batch;
using Extractor.IO.Output;
using Extractor.IO.Sources;
using Extractor.IO.StandardStreams;
using Extractor.IO.UserLexicons;
using Extractor.Knowledge;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Features;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor extract</c>: people, organizations and countries from files, folders, stdin and datasets.</summary>
internal static class ExtractCommand
{
    public const string Examples = """
        Examples:
          extractor extract articles/ -o people.csv            a folder to a spreadsheet CSV
          extractor extract news.jsonl -f jsonl -o out.jsonl   a JSONL dataset to JSONL
          cat story.txt | extractor extract -l mention          stdin, one row per mention
          extractor extract articles/ -t country -f tsv         countries with ISO codes, as TSV
          extractor extract a/ -f jsonl | jq -r 'select(.type=="PERSON") | .name'
        """;

    /// <summary>The most documents in flight: more workers than that only multiply memory on any machine this runs on.</summary>
    private const int MaxParallel = 256;

    public static Command Create(Option<FileInfo?> modelOption, StdinProvider stdin)
    {
        var paths = new Argument<string[]>("path") { Description = "Files and folders to read (folders recursively, sorted); none or '-' reads stdin", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file (replaced only when the run finishes); default stdout" };
        var format = new Option<OutputFormat?>("--format", "-f") { Description = "csv, tsv, json or jsonl (default: from --output's extension, else csv)" };
        var level = new Option<OutputLevel>("--level", "-l") { Description = "entity (one row per entity per document), mention, or corpus", DefaultValueFactory = _ => OutputLevel.Entity };
        var types = EntityTypes.CreateOption();
        var minScore = new Option<float>("--min-score") { Description = "Drop mentions the model scores below this (0..1)", DefaultValueFactory = _ => 0f }.Within(0f, 1f);
        var include = new Option<string[]>("--include") { Description = "Glob of folder files to read (repeatable; replaces the default *.txt *.md *.html *.htm)" };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of folder files or folders to skip (repeatable)" };
        var inputFormat = new Option<InputFormat>("--input-format") { Description = "text, html, jsonl or csv (default: by file extension)", DefaultValueFactory = _ => InputFormat.Auto };
        var textField = new Option<string>("--text-field") { Description = "JSONL/CSV field holding the text", DefaultValueFactory = _ => "text" };
        var idField = new Option<string>("--id-field") { Description = "JSONL/CSV field holding the document id (else FILE:LINE / FILE:ROW)", DefaultValueFactory = _ => "id" };
        var maxSize = new Option<long>("--max-document-size") { Description = "Skip documents larger than this many bytes", DefaultValueFactory = _ => SourceOptions.DefaultMaxDocumentSize }.Within(1, SourceOptions.MaxDocumentSizeLimit, bytes: true);
        var parallel = new Option<int>("--parallel", "-j") { Description = $"Documents processed at once (1 to {MaxParallel})", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, MaxParallel) }.Within(1, MaxParallel);
        var demonyms = new Option<bool>("--demonyms") { Description = "Report demonyms (Israeli, Qatari) as mentions of their country" };
        var noEscape = new Option<bool>("--no-escape-formulas") { Description = "Do not escape CSV/TSV cells starting with = + - @ (spreadsheet formula injection)" };
        var follow = new Option<bool>("--follow", "-L") { Description = "Follow symbolic links inside folders that lead out of them (default: warn and skip)" };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first input that fails" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No closing summary line on stderr" };
        var lexicons = new Option<string[]>("--lexicon") { Description = "Names to find as written, winning over the model: TSV 'surface<TAB>TYPE[<TAB>canonical]' (repeatable)" };
        var shard = OptionRanges.ShardOption();
        var command = new Command("extract", "Extract people, organizations and countries (with ISO codes) from text")
        {
            paths, output, format, level, types, minScore, include, exclude, inputFormat, textField, idField, maxSize,
            parallel, shard, demonyms, noEscape, follow, failFast, quiet, modelOption, lexicons,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [DocumentSource.StdinPath];
            if (given.FirstOrDefault(g => g.StartsWith('-') && g != DocumentSource.StdinPath && !Path.Exists(g)) is { } unknown)
                throw new UserErrorException($"unknown option '{unknown}' (see 'extractor extract --help')");
            var missing = DocumentSource.FindMissing(given);
            if (missing.Count > 0) throw new UserErrorException($"{DiagnosticText.Escape(missing[0])}: no such file or folder");
            var outFile = parse.GetValue(output) is { } o && o.ToString() != DocumentSource.StdinPath ? o : null;
            var lexiconFiles = parse.GetValue(lexicons) ?? [];
            var target = outFile is null ? null : OutputFiles.Check(outFile.ToString(), [.. given, .. lexiconFiles, parse.GetValue(modelOption)?.ToString()]);
            // On a thread of its own, so a lexicon that is a named pipe with no writer yet (--lexicon <(...)) cannot
            // hold the process past Ctrl-C or SIGTERM: open(2) on a FIFO waits and cannot be cancelled from inside.
            UserLexicon? userLexicon = null;
            try { if (lexiconFiles.Length > 0) userLexicon = await Task.Run(() => UserErrorException.Reading(() => UserLexiconFiles.Load(lexiconFiles))).WaitAsync(cancel); }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                parse.InvocationConfiguration.Error.WriteLine("interrupted: while reading --lexicon");
                return ExitCodes.Interrupted;
            }
            var options = new ExtractOptions(
                given,
                new SourceOptions
                {
                    Include = parse.GetValue(include) ?? [],
                    Exclude = parse.GetValue(exclude) ?? [],
                    Format = parse.GetValue(inputFormat),
                    TextField = parse.GetRequiredValue(textField),
                    IdField = parse.GetRequiredValue(idField),
                    MaxDocumentSize = parse.GetValue(maxSize),
                    Shard = parse.GetValue(shard),
                    FollowLinks = parse.GetValue(follow),
                },
                target,
                parse.GetValue(format) ?? (outFile is null ? OutputFormat.Csv : OutputFormats.FromPath(outFile.Name)),
                new OutputOptions { EscapeFormulas = !parse.GetValue(noEscape) },
                parse.GetValue(level),
                parse.GetValue(parallel),
                parse.GetValue(failFast),
                parse.GetValue(quiet));
            // The word lists (~20 ms) load on another core while this one reads the model, and the inputs start being
            // read meanwhile, so the first documents are waiting when tagging starts.
            var wordLists = Task.Run(() => WordLists.Default);
            using var inputs = ExtractionRunner.Prefetch(options, stdin.Reader());
            var model = ModelLocator.Load(parse.GetValue(modelOption));
            await wordLists;
            var pipeline = new EntityPipeline(new PipelineOptions(model)
            {
                UserLexicon = userLexicon,
                Demonyms = parse.GetValue(demonyms),
                Types = parse.GetRequiredValue(types),
                MinScore = parse.GetValue(minScore),
            });
            return await RunAsync(options, pipeline, inputs, parse.InvocationConfiguration, stdin, cancel);
        });
        return command;
    }

    /// <summary>A live status line: by inputs when they can be counted up front (files, folders), else by bytes
    /// when the input files are known (JSONL and CSV datasets among them), else rates alone (standard input).</summary>
    private static TerminalProgress Terminal(ExtractOptions options, TextWriter error)
    {
        var size = new DocumentSource(options.Sources, TextReader.Null).Measure(options.Paths);
        return new TerminalProgress(error, new ProgressStatus(size.Inputs, size.Bytes));
    }

    private static async Task<int> RunAsync(ExtractOptions options, EntityPipeline pipeline,
        InputPrefetch inputs, InvocationConfiguration io, StdinProvider stdin, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        IProgressSink progress = stdin.ErrorIsTerminal ? Terminal(options, io.Error) : new PlainDiagnostics(io.Error);
        var runner = new ExtractionRunner(pipeline, options, progress);
        string shown = options.Target is { } t ? DiagnosticText.Escape(t.Given) : "standard output";
        RunSummary summary;
        try { summary = await runner.RunAsync(inputs, io.Output, cancel); }
        catch (OutputTargetException e) { throw new UserErrorException($"{shown}: cannot write output ({e.Message})"); }
        progress.Finish();
        if (summary.OutputFailure is not null)
        {
            string kept = options.Target is { IsSpecial: false } ? $"; {shown} was left as it was" : "";
            io.Error.WriteLine($"error: {shown}: cannot write output ({summary.OutputFailure}){kept}");
            io.Error.WriteLine("failed: " + summary.Describe(clock.Elapsed));
            return ExitCodes.OutputFailed;
        }
        if (!options.Quiet || summary.Interrupted)
            io.Error.WriteLine((summary.Interrupted ? "interrupted: " : "extracted ") + summary.Describe(clock.Elapsed));
        if (summary.Interrupted) return ExitCodes.Interrupted;
        return summary.Errors > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}

/// <summary>Standard input and terminal facts, injectable so tests can run the command in-process.</summary>
internal sealed class StdinProvider(Func<TextReader> reader, bool errorIsTerminal)
{
    /// <summary>The process's real console.</summary>
    /// <remarks>Read as UTF-8 whatever the locale says, as files are, so invalid bytes are reported rather than silently replaced.</remarks>
    public static StdinProvider Console => new(
        () => StandardDescriptors.WasClosed(0) ? new ClosedInputReader() : new CheckedUtf8Reader(System.Console.OpenStandardInput()),
        !System.Console.IsErrorRedirected);

    /// <summary>Opens standard input.</summary>
    public TextReader Reader() => reader();

    /// <summary>Whether stderr is a terminal (then a live progress line is drawn).</summary>
    public bool ErrorIsTerminal => errorIsTerminal;
}
