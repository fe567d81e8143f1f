using System.CommandLine;
using System.Diagnostics;
using Extractor.IO.Batch;
using Extractor.IO.Models;
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
          extractor extract articles/ -o people.xlsx           ... to an Excel workbook (typed, filtered)
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
        var written = new OutputSettings("from --output's extension, else csv");
        var schema = new Option<FileInfo?>("--schema") { Description = "Also write the table's column types: a Frictionless Table Schema (JSON), or CREATE TABLE for SQLite if FILE ends in .sql" };
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
        var accurate = new AccurateTier();
        var demonyms = new Option<bool>("--demonyms") { Description = "Report demonyms (Israeli, Qatari) as mentions of their country" };
        var follow = new Option<bool>("--follow", "-L") { Description = "Follow symbolic links inside folders that lead out of them (default: warn and skip)" };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first input that fails" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No closing summary line on stderr" };
        var lexicons = new Option<string[]>("--lexicon") { Description = "Names to find as written, winning over the model: TSV 'surface<TAB>TYPE[<TAB>canonical]' (repeatable)" };
        var shard = OptionRanges.ShardOption();
        var command = new Command("extract", "Extract people, organizations and countries (with ISO codes) from text")
        {
            paths, output, level, types, minScore, include, exclude, inputFormat, textField, idField, maxSize,
            parallel, shard, demonyms, follow, failFast, quiet, modelOption, accurate.Switch, accurate.File, lexicons, schema,
        };
        int at = command.Options.IndexOf(output) + 1;
        foreach (var option in written.All) command.Options.Insert(at++, option);
        command.SetAction(async (parse, cancel) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [DocumentSource.StdinPath];
            if (DocumentSource.Problem(given, "extract") is { } problem) throw new UserErrorException(problem);
            var outFile = parse.GetValue(output) is { } o && o.ToString() != DocumentSource.StdinPath ? o : null;
            var lexiconFiles = parse.GetValue(lexicons) ?? [];
            string?[] reads = [.. given, .. lexiconFiles, parse.GetValue(modelOption)?.ToString(), accurate.Path(parse)];
            var target = outFile is null ? null : OutputFiles.Check(outFile.ToString(), reads);
            var schemaTarget = parse.GetValue(schema) is { } s ? OutputFiles.Check(s.ToString(), [.. reads, outFile?.ToString()]) : null;
            var (chosenFormat, outputOptions) = written.Read(parse, outFile?.Name, OutputFormat.Csv, OutputSettings.RunInfo(parse));
            UserLexicon? userLexicon;
            try { userLexicon = await UserLexiconFiles.LoadAsync(lexiconFiles, cancel); }
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
                chosenFormat,
                outputOptions,
                parse.GetValue(level),
                parse.GetValue(parallel),
                parse.GetValue(failFast),
                parse.GetValue(quiet));
            // The model and the shared tables (word lists, name and role words) load on the two cores once the first
            // document with text has been read; the prefetch goes on reading meanwhile. A run whose inputs hold no text
            // (an empty file or folder) needs neither: it checks the model file's header and goes on without them.
            // Started before the first document was read, they cost such a run 16 ms (37 -> 22 ms, docs/performance.md);
            // a run with text now starts them after reading its first document (a news article: well under a millisecond;
            // a first file of many megabytes delays them by its reading, which is small beside its tagging).
            using var inputs = ExtractionRunner.Prefetch(options, stdin.Reader());
            string? modelPath = parse.GetValue(modelOption)?.ToString();
            EntityPipeline? pipeline = null;
            bool hasText;
            // Standard input may be a terminal nobody types into: Ctrl-C must still stop the run (exit 130) here.
            try { hasText = await inputs.HasText.WaitAsync(cancel); }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested) { hasText = false; }
            string modelVersion;
            if (hasText)
            {
                var shared = Task.Run(EntityPipeline.PrepareShared);
                var loading = Task.Run(() => ModelFiles.Load(modelPath));
                var loadingTier = Task.Run(() => accurate.Load(parse));
                var model = await loading;
                modelVersion = model.Info.Version;
                await shared;
                pipeline = new EntityPipeline(new PipelineOptions(model)
                {
                    UserLexicon = userLexicon,
                    Demonyms = parse.GetValue(demonyms),
                    Types = parse.GetRequiredValue(types),
                    MinScore = parse.GetValue(minScore),
                    Accurate = accurate.Beside(await loadingTier, model, parse),
                });
            }
            else
            {
                modelVersion = ModelFiles.ReadInfo(modelPath).Version;
            }
            options = options with { Output = options.Output with { RunInfo = [.. options.Output.RunInfo, new("model", modelVersion)] } };
            if (schemaTarget is not null) OutputFiles.Write(schemaTarget, w => w.Write(TableSchemas.For(options.Level, options.Format, schemaTarget.File)));
            return await RunAsync(options, pipeline, inputs, parse.InvocationConfiguration, stdin, cancel);
        });
        return command;
    }

    private static async Task<int> RunAsync(ExtractOptions options, EntityPipeline? pipeline,
        InputPrefetch inputs, InvocationConfiguration io, StdinProvider stdin, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        IProgressSink progress = stdin.ErrorIsTerminal ? TerminalProgress.For(options, io.Error) : new PlainDiagnostics(io.Error);
        RunSummary summary;
        try { summary = await new ExtractionRunner(pipeline, options, progress).RunAsync(inputs, io.Output, cancel); }
        catch (OutputTargetException e) { throw new UserErrorException($"{DiagnosticText.Escape(options.Target!.Given)}: cannot write output ({e.Message})"); }
        progress.Finish();
        return summary.Close(options, io.Error, clock.Elapsed) switch
        {
            RunOutcome.OutputFailed => ExitCodes.OutputFailed,
            RunOutcome.Interrupted => ExitCodes.Interrupted,
            RunOutcome.SomeInputsFailed => ExitCodes.PartialFailure,
            _ => ExitCodes.Success,
        };
    }
}
