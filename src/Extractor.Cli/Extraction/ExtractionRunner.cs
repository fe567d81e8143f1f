using System.Threading.Channels;
using Extractor.IO.Output;
using Extractor.IO.Records;
using Extractor.IO.Sources;
using Extractor.Pipeline;
using Extractor.Resolution;

namespace Extractor.Cli.Extraction;

/// <summary>Runs one extraction: reads sources in order, processes documents in parallel, writes records in input order.</summary>
/// <remarks>
/// Documents are started in input order and their tasks queued in a bounded channel; the writer awaits
/// them in that same order. Output is therefore byte-identical for any <c>--parallel</c>, and memory is
/// bounded by the channel's capacity rather than the corpus size. A failed input is a result, reported
/// in its place in the order, and never stops the others (unless <c>--fail-fast</c>).
/// </remarks>
internal sealed class ExtractionRunner(DocumentAnalyzer analyzer, EntityResolver resolver, ExtractOptions options, IProgressSink progress)
{
    /// <summary>Runs to completion or cancellation, writing records to <paramref name="output"/>.</summary>
    public async Task<RunSummary> RunAsync(TextReader stdin, TextWriter output, CancellationToken cancel)
    {
        var summary = new RunSummary();
        var writer = new LevelWriter(options, output);
        var queue = Channel.CreateBounded<Task<DocumentResult>>(new BoundedChannelOptions(options.Parallel * 4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var slots = new SemaphoreSlim(options.Parallel);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in new DocumentSource(options.Sources, stdin).Read(options.Paths))
                {
                    if (stop.IsCancellationRequested) break;
                    await queue.Writer.WriteAsync(Start(item, slots), stop.Token);
                }
            }
            catch (OperationCanceledException) { }
            finally { queue.Writer.Complete(); }
        });
        await foreach (var task in queue.Reader.ReadAllAsync())
        {
            // Interruption: stop at this record boundary, without waiting for documents still being
            // analyzed (a huge one can take minutes) or for the reader (it may be blocked on stdin).
            DocumentResult? result = null;
            try { result = await task.WaitAsync(cancel); }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
            if (result is null || cancel.IsCancellationRequested) { summary.Interrupted = true; stop.Cancel(); break; }
            if (summary.OutputClosed) break;
            bool failed = Report(result, summary);
            try
            {
                if (result.Item is SourceDocument doc && result.Failure is null) writer.Write(doc.Id, result);
                writer.Flush();
            }
            catch (IOException) when (options.OutputPath is null)
            {
                // The reader went away (`extractor extract big/ | head`): nothing more can be delivered.
                summary.OutputClosed = true;
                stop.Cancel();
            }
            progress.Advance(summary);
            if (failed && options.FailFast) stop.Cancel();
        }
        if (summary.Interrupted || summary.OutputClosed) return summary;
        await producer;
        if (cancel.IsCancellationRequested) summary.Interrupted = true;
        if (!summary.OutputClosed && !summary.Interrupted)
        {
            try { writer.Complete(); }
            catch (IOException) when (options.OutputPath is null) { summary.OutputClosed = true; }
        }
        return summary;
    }

    private Task<DocumentResult> Start(SourceItem item, SemaphoreSlim slots)
    {
        if (item is not SourceDocument doc) return Task.FromResult(new DocumentResult(item, "", [], [], 0, null));
        return Task.Run(async () =>
        {
            await slots.WaitAsync();
            try { return Process(doc); }
            finally { slots.Release(); }
        });
    }

    private DocumentResult Process(SourceDocument doc)
    {
        try
        {
            var analyzed = analyzer.Analyze(doc.Text);
            var mentions = RecordBuilder.Filter(resolver.Resolve(analyzed), options);
            return new DocumentResult(doc, doc.Text, mentions, EntityResolver.Group(mentions), analyzed.Tokens.Length, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug on one document must not take the batch down; it is reported like any failed input.
            return new DocumentResult(doc, "", [], [], 0, $"internal error while processing ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>Counts the result and reports warnings and failures on stderr; true when it failed.</summary>
    private bool Report(DocumentResult result, RunSummary summary)
    {
        switch (result.Item)
        {
            case SourceWarning w:
                summary.Warnings++;
                progress.Line($"warning: {w}");
                return false;
            case SourceFailure f:
                summary.Errors++;
                progress.Line($"error: {f}");
                return true;
            case SourceDocument d when result.Failure is not null:
                summary.Errors++;
                progress.Line($"error: {d.Id}: {result.Failure}");
                return true;
            default:
                summary.Documents++;
                summary.Tokens += result.Tokens;
                summary.Mentions += result.Mentions.Count;
                summary.Entities += result.Entities.Count;
                return false;
        }
    }

    /// <summary>Writes the records of the chosen level; corpus rows are written once, at the end.</summary>
    private sealed class LevelWriter
    {
        private readonly ExtractOptions _options;
        private readonly IRecordWriter<MentionRecord>? _mentions;
        private readonly IRecordWriter<EntityRecord>? _entities;
        private readonly IRecordWriter<CorpusRecord>? _corpus;
        private readonly CorpusAggregator _aggregator = new();

        public LevelWriter(ExtractOptions options, TextWriter output)
        {
            _options = options;
            switch (options.Level)
            {
                case OutputLevel.Mention: _mentions = RecordWriters.Create<MentionRecord>(options.Format, output, options.Output); break;
                case OutputLevel.Entity: _entities = RecordWriters.Create<EntityRecord>(options.Format, output, options.Output); break;
                default: _corpus = RecordWriters.Create<CorpusRecord>(options.Format, output, options.Output); break;
            }
        }

        public void Write(string document, DocumentResult result)
        {
            switch (_options.Level)
            {
                case OutputLevel.Mention:
                    foreach (var r in RecordBuilder.Mentions(document, result.Text, result.Mentions)) _mentions!.Write(r);
                    break;
                case OutputLevel.Entity:
                    foreach (var r in RecordBuilder.Entities(document, result.Text, result.Entities)) _entities!.Write(r);
                    break;
                default:
                    _aggregator.Add(result.Entities);
                    break;
            }
        }

        public void Flush()
        {
            _mentions?.Flush();
            _entities?.Flush();
        }

        public void Complete()
        {
            if (_corpus is not null)
                foreach (var r in RecordBuilder.Corpus(_aggregator.Entities())) _corpus.Write(r);
            _mentions?.Complete();
            _entities?.Complete();
            _corpus?.Complete();
        }
    }
}
