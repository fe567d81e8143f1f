using System.Threading.Channels;
using Extractor.IO.Output;
using Extractor.IO.Records;
using Extractor.IO.Sources;
using Extractor.Pipeline;
using Extractor.Resolution;

namespace Extractor.IO.Batch;

/// <summary>Runs one extraction: reads sources in order, processes documents in parallel, writes records in input order.</summary>
/// <remarks>
/// Each input gets a pending result, queued in input order in a bounded channel, and its document goes to
/// a work channel that <c>--parallel</c> worker loops drain; the writer awaits the results in queue order.
/// Output is therefore byte-identical for any <c>--parallel</c>, and memory is bounded by the queue's
/// capacity rather than the corpus size. A worker takes document after document without handing off to
/// another thread in between (a task and a semaphore wait per document did). A failed input is a result,
/// reported in its place in the order, and never stops the others (unless <c>--fail-fast</c>).
/// </remarks>
public sealed class ExtractionRunner(EntityPipeline? pipeline, ExtractOptions options, IProgressSink progress)
{
    /// <summary>Starts reading the inputs of <paramref name="options"/> ahead of the run (a caller may do so before the
    /// model has loaded, so the first documents are waiting when tagging starts).</summary>
    public static InputPrefetch Prefetch(ExtractOptions options, TextReader stdin) =>
        new(new DocumentSource(options.Sources, stdin, new DocumentBudget(DocumentBudget.DefaultLimitChars)), options.Paths, options.Parallel * 4);

    /// <summary>Reads the options' inputs (standard input from <paramref name="stdin"/>) and runs, as <see cref="RunAsync(InputPrefetch, TextWriter, CancellationToken)"/>.</summary>
    public async Task<RunSummary> RunAsync(TextReader stdin, TextWriter standardOutput, CancellationToken cancel)
    {
        using var inputs = Prefetch(options, stdin);
        return await RunAsync(inputs, standardOutput, cancel);
    }

    /// <summary>
    /// Runs to completion or cancellation over the items of <paramref name="inputs"/>, writing records to the
    /// options' <c>-o</c> target, or to <paramref name="standardOutput"/> when there is none.
    /// </summary>
    /// <remarks>A target file is made final only by a run that was neither interrupted nor cut short by a write
    /// error: a partial result must not replace a complete one. A write error is <see cref="RunSummary.OutputFailure"/>.</remarks>
    /// <exception cref="OutputTargetException">The target could not be opened (its folder refused the temporary file).</exception>
    public async Task<RunSummary> RunAsync(InputPrefetch inputs, TextWriter standardOutput, CancellationToken cancel)
    {
        if (options.Target is null) return await WriteAsync(inputs, standardOutput, cancel);
        IOutputFile file;
        // A named pipe opens only once a reader comes; on a thread of its own, that wait yields to Ctrl-C and SIGTERM.
        try { file = options.Target.IsSpecial ? await Task.Run(options.Target.Open).WaitAsync(cancel) : options.Target.Open(); }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { return new RunSummary { Interrupted = true }; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputTargetException(e is IOException io ? DiagnosticText.Reason(io) : "permission denied");
        }
        using (file)
        {
            var summary = await WriteAsync(inputs, file.Writer, cancel);
            try { if (!summary.Interrupted && summary.OutputFailure is null) file.Commit(); }
            catch (IOException e) { summary.OutputFailure = DiagnosticText.Reason(e); }
            return summary;
        }
    }

    private async Task<RunSummary> WriteAsync(InputPrefetch inputs, TextWriter output, CancellationToken cancel)
    {
        var summary = new RunSummary();
        var source = inputs.Source;
        var writer = new LevelWriter(options, output);
        var queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.Parallel * 4) { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var workers = Enumerable.Range(0, options.Parallel).Select(_ => Task.Run(() => WorkAsync(work.Reader))).ToArray();
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in inputs.ReadAllAsync(stop.Token))
                {
                    var pending = new Pending(item);
                    await queue.Writer.WriteAsync(pending, stop.Token);
                    if (item is SourceDocument) work.Writer.TryWrite(pending);
                    else pending.Complete(default);
                }
            }
            catch (OperationCanceledException) { }
            finally
            {
                queue.Writer.Complete();
                work.Writer.Complete();
            }
        });
        await foreach (var pending in queue.Reader.ReadAllAsync())
        {
            // Interruption: stop at this record boundary, without waiting for documents still being
            // analyzed (a huge one can take minutes) or for the reader (it may be blocked on stdin).
            Outcome? done = null;
            try { done = await pending.Result.WaitAsync(cancel); }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
            if (done is not { } result || cancel.IsCancellationRequested) { summary.Interrupted = true; stop.Cancel(); break; }
            bool failed = Report(pending.Item, result, summary);
            // Its records are about to be written (or it failed): the room it held is free for the next documents.
            if (pending.Item is SourceDocument held) source.Budget?.Release(held.Reserved);
            if (failed && options.FailFast)
            {
                // Nothing after the first failure is written, however far the workers had got: the output of a
                // --fail-fast run is the records of the inputs before it, the same on every run.
                summary.StoppedEarly = true;
                stop.Cancel();
                break;
            }
            try
            {
                if (pending.Item is SourceDocument doc && result.Document is { } analyzed) writer.Write(doc.Id, analyzed);
                // A pipe's reader sees each document as soon as it is done. A file is a temporary copy, renamed
                // into place only at the end, so a write per document would buy nothing: the records wait in the
                // writer's buffer instead, and it writes 64 KB at a time.
                if (options.Target is null) writer.Flush();
            }
            catch (Exception e) when (MemoryShortage.Caused(e) && pending.Item is SourceDocument doc)
            {
                // Some of the document's records may be out already: the output is incomplete, as after a full disk.
                summary.OutputFailure = MemoryShortage.Reason($"write the records of {DiagnosticText.Escape(doc.Id)}");
                stop.Cancel();
                break;
            }
            catch (IOException e)
            {
                // The reader went away (`extractor extract big/ | head`): nothing more can be delivered. Any other
                // write error (a full disk) lost records, which the run must report rather than count as written.
                if (e is OutputClosedException) summary.OutputClosed = true;
                else summary.OutputFailure = DiagnosticText.Reason(e);
                stop.Cancel();
                break;
            }
            summary.InputBytes = source.BytesRead;
            progress.Advance(summary);
        }
        if (summary.OutputClosed || summary.OutputFailure is not null) return summary;
        if (!summary.Interrupted)
        {
            await producer;
            await Task.WhenAll(workers);
            if (cancel.IsCancellationRequested) summary.Interrupted = true;
        }
        try
        {
            // Interrupted, what was written stays usable: a JSON array gets its closing bracket, but no corpus
            // totals, which would be partial (to a file, the temporary copy is dropped anyway).
            if (summary.Interrupted) writer.EndInterrupted();
            else writer.Complete();
        }
        catch (OutputClosedException) { summary.OutputClosed = true; }
        catch (IOException e) { summary.OutputFailure = DiagnosticText.Reason(e); }
        return summary;
    }

    /// <summary>One worker: analyzes queued documents until the queue is complete and empty.</summary>
    /// <remarks>Every queued document is finished, even after <c>--fail-fast</c>: the writer still awaits the ones
    /// queued before the failure was seen.</remarks>
    private async Task WorkAsync(ChannelReader<Pending> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var pending))
            {
                try { pending.Complete(Process((SourceDocument)pending.Item)); }
                catch (Exception e) { pending.Fail(e); }
            }
        }
    }

    private Outcome Process(SourceDocument doc)
    {
        try
        {
            // Without a pipeline (no input has text: InputPrefetch.HasText) a blank document is what the pipeline
            // would make of it: no token, no mention.
            if (pipeline is null && doc.Compact is null && InputPrefetch.IsBlank(doc.Text)) return new Outcome(new Document(doc.Text, 0, []), null);
            var run = pipeline ?? throw new InvalidOperationException("no pipeline for a document with text");
            return new Outcome(doc.Compact is { } compact ? run.Run(compact) : run.Run(doc.Text), null);
        }
        catch (Exception e) when (MemoryShortage.Caused(e))
        {
            // Under a memory limit, a huge document is one failed input; what it had allocated is garbage now, so the
            // documents after it have the memory back.
            return new Outcome(null, MemoryShortage.Reason("process it", doc.Length));
        }
        catch (Exception e)
        {
            // A bug on one document must not take the batch down; it is reported like any failed input.
            return new Outcome(null, $"internal error while processing ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>Counts the result and reports warnings and failures on stderr; true when it failed.</summary>
    private bool Report(SourceItem item, Outcome result, RunSummary summary)
    {
        switch (item)
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
                if (result.Document is { } doc)
                {
                    summary.Tokens += doc.TokenCount;
                    summary.Mentions += doc.Resolved.Count;
                    summary.Entities += doc.Entities.Count;
                }
                return false;
        }
    }

    /// <summary>What processing one source item produced: its analyzed document, or why it failed. Warnings and
    /// failures of the source itself have neither.</summary>
    private readonly record struct Outcome(Document? Document, string? Failure);

    /// <summary>An input's place in the output order and, once processed, its result.</summary>
    private sealed class Pending(SourceItem item)
    {
        // Continuations run on the pool, not inline on the worker that completes the result: the writer's
        // formatting must not hold up the next document.
        private readonly TaskCompletionSource<Outcome> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SourceItem Item { get; } = item;

        public Task<Outcome> Result => _result.Task;

        public void Complete(Outcome result) => _result.SetResult(result);

        public void Fail(Exception e) => _result.SetException(e);
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

        public void Write(string id, Document document)
        {
            switch (_options.Level)
            {
                case OutputLevel.Mention:
                    foreach (var r in RecordBuilder.Mentions(id, document)) _mentions!.Write(r);
                    break;
                case OutputLevel.Entity:
                    foreach (var r in RecordBuilder.Entities(id, document)) _entities!.Write(r);
                    break;
                default:
                    _aggregator.Add(document.Entities);
                    break;
            }
        }

        public void Flush()
        {
            _mentions?.Flush();
            _entities?.Flush();
        }

        /// <summary>Ends the records written so far (a JSON array's bracket) without the corpus totals, which would be
        /// partial: a corpus-level output is then valid but empty (the CSV header, <c>[]</c>), never nothing at all.</summary>
        public void EndInterrupted()
        {
            _mentions?.Complete();
            _entities?.Complete();
            _corpus?.Complete();
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
