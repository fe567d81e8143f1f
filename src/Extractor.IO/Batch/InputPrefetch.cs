using System.Threading.Channels;
using Extractor.IO.Sources;

namespace Extractor.IO.Batch;

/// <summary>Reads the inputs on a background task into a small bounded buffer, started before the model loads.</summary>
/// <remarks>
/// Listing a folder and reading its first files took 23–30 ms of every run, during which the workers could only
/// wait; start-up keeps a core partly idle for longer than that (the model, the word lists and the resolver's
/// tables load on two cores with gaps), so the inputs are read then instead. Items keep their input order.
/// Disposing stops the reading without waiting for it: it may be blocked on standard input.
/// </remarks>
public sealed class InputPrefetch : IDisposable
{
    private readonly Channel<SourceItem> _items;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<bool> _hasText = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Blank documents (whitespace and control characters only) that may be read before <see cref="HasText"/>
    /// gives up waiting for the end and says true: it must not wait on the document budget, which blank documents
    /// could fill.</summary>
    private const long BlankCharactersBeforeDeciding = 1 << 20;

    /// <summary>Starts reading <paramref name="paths"/> from <paramref name="source"/>, holding at most <paramref name="capacity"/> items ahead.</summary>
    internal InputPrefetch(DocumentSource source, IReadOnlyList<string> paths, int capacity)
    {
        Source = source;
        _items = Channel.CreateBounded<SourceItem>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        var token = _stop.Token;
        _ = Task.Run(async () =>
        {
            Exception? failure = null;
            long blank = 0;
            try
            {
                foreach (var item in source.Read(paths))
                {
                    if (item is SourceDocument document && !_hasText.Task.IsCompleted)
                    {
                        if (document.Compact is not null || !IsBlank(document.Text) || (blank += document.Length) > BlankCharactersBeforeDeciding) _hasText.TrySetResult(true);
                    }
                    if (_items.Writer.TryWrite(item)) continue;
                    // Nobody reads the buffer until the caller has decided: a full one must not leave it waiting.
                    _hasText.TrySetResult(true);
                    await _items.Writer.WriteAsync(item, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested) { }
            catch (Exception e) { failure = e; }
            finally
            {
                _hasText.TrySetResult(false);
                _items.Writer.TryComplete(failure);
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Whether the run needs the model: false when the inputs end with no document that holds anything but
    /// whitespace and control characters (an empty file, an empty folder, <c>&lt;/dev/null</c>), which yield no token;
    /// true at the first document with text, or when a megabyte of blank documents or a full buffer comes first. The
    /// same inputs always give the same answer. Start-up can then skip loading the model for an empty run (#33).
    /// </summary>
    public Task<bool> HasText => _hasText.Task;

    /// <summary>Whether <paramref name="text"/> holds nothing the tokenizer makes a token of: whitespace and control
    /// characters only (the tokenizer takes controls as separators).</summary>
    public static bool IsBlank(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)) return false;
        }
        return true;
    }

    /// <summary>The source being read (for its byte count).</summary>
    internal DocumentSource Source { get; }

    /// <summary>The items in input order; an exception thrown while reading is thrown here, after the items before it.</summary>
    public IAsyncEnumerable<SourceItem> ReadAllAsync(CancellationToken cancel) => _items.Reader.ReadAllAsync(cancel);

    /// <summary>Stops reading (the background task ends at its next item).</summary>
    /// <remarks>The token source is cancelled, not disposed: the background task may still be about to look at it.</remarks>
    public void Dispose()
    {
        _stop.Cancel();
        // A reader waiting for room in the budget would otherwise wait for a writer that has stopped.
        Source.Budget?.Close();
    }
}
