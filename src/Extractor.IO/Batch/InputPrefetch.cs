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

    /// <summary>Starts reading <paramref name="paths"/> from <paramref name="source"/>, holding at most <paramref name="capacity"/> items ahead.</summary>
    internal InputPrefetch(DocumentSource source, IReadOnlyList<string> paths, int capacity)
    {
        Source = source;
        _items = Channel.CreateBounded<SourceItem>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        var token = _stop.Token;
        _ = Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                foreach (var item in source.Read(paths)) await _items.Writer.WriteAsync(item, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested) { }
            catch (Exception e) { failure = e; }
            finally { _items.Writer.TryComplete(failure); }
        }, CancellationToken.None);
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
