using System.Globalization;

namespace Extractor.IO.Sources;

/// <summary>The one-line reason given when the runtime refuses an allocation (<see cref="OutOfMemoryException"/>).</summary>
/// <remarks>
/// Under a memory limit (a container's <c>docker run -m</c>, a CI runner's cgroup, systemd's <c>MemoryMax</c>) .NET
/// caps its heap at three quarters of it, and a document of tens of megabytes can need more than that (docs/memory.md:
/// six to seven bytes per byte of text). Such a document is one failed input, like a file too large for
/// <c>--max-document-size</c>; the rest of the batch still runs, and nobody sees a stack trace.
/// </remarks>
internal static class MemoryShortage
{
    /// <summary>Whether <paramref name="exception"/> is the runtime refusing an allocation: an <see cref="OutOfMemoryException"/>,
    /// or one thrown while a type initialized itself (System.Text.Json's caches on the first JSON record written while
    /// another thread read a huge row), which the runtime hands on wrapped in a <see cref="TypeInitializationException"/>.</summary>
    public static bool Caused(Exception exception) =>
        exception is OutOfMemoryException || (exception is TypeInitializationException { InnerException: { } inner } && Caused(inner));

    /// <summary><c>not enough memory to ACTION (… this process may use N MB); ADVICE</c>, with the limit the collector
    /// works under and, when known, the size of the text.</summary>
    public static string Reason(string action, long? characters = null, string advice = "split it, or run with more memory")
    {
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        string size = characters is { } n ? string.Create(CultureInfo.InvariantCulture, $"{n / 1e6:0.#} M characters; ") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"not enough memory to {action} ({size}this process may use {limit >> 20} MB); {advice}");
    }
}
