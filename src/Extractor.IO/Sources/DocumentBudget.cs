namespace Extractor.IO.Sources;

/// <summary>
/// How much document text may be held between reading and writing at once, whatever the parallelism: the reader
/// waits for room before it reads a large file, and the writer gives the room back once a document's records are out.
/// </summary>
/// <remarks>
/// Without it, what a run held grew with <c>--parallel</c>: ten 45 MB files at <c>-j 8</c> were read ahead and in
/// flight together, 2.7 GB at the peak. A document larger than the budget is still let in, alone, so any input can
/// be processed; articles (a few thousand characters) never come near it. Thread-safe.
/// </remarks>
internal sealed class DocumentBudget(long limitChars)
{
    /// <summary>Eight million characters (16 MB of text): some thousands of articles, or one book alone.</summary>
    public const long DefaultLimitChars = 1L << 23;

    private readonly object _gate = new();
    private long _held;
    private bool _closed;

    /// <summary>Characters held now (read, not yet written).</summary>
    public long Held { get { lock (_gate) return _held; } }

    /// <summary>Waits until <paramref name="chars"/> fit beside what is held (or nothing is held), then holds them.</summary>
    /// <remarks>Returns at once after <see cref="Close"/>, so a reader waiting for room never outlives its run.</remarks>
    public void Acquire(long chars)
    {
        lock (_gate)
        {
            while (!_closed && _held > 0 && _held + chars > limitChars) Monitor.Wait(_gate);
            _held += chars;
        }
    }

    /// <summary>Gives back what <see cref="Acquire"/> took for a document whose records have been written (or that failed).</summary>
    public void Release(long chars)
    {
        lock (_gate)
        {
            _held -= chars;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Stops all waiting: the run is over, and nothing more will be released.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
