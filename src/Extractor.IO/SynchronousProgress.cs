namespace Extractor.IO;

/// <summary>An <see cref="IProgress{T}"/> that reports at once, in order, and flushes (Progress&lt;T&gt; posts to the thread pool and reorders lines).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report, TextWriter flush) : IProgress<T>
{
    private readonly Lock _gate = new();

    /// <summary>Reports <paramref name="value"/> now, on the calling thread, and flushes.</summary>
    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
            flush.Flush();
        }
    }
}
