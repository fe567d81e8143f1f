using System.Text;

namespace Extractor.IO.Sources;

/// <summary>
/// One line of a dataset at a time, read into a reused builder that a huge row does not leave behind: no string is
/// made of the line (a large JSONL row would be held once more), and after a line longer than
/// <see cref="KeptChars"/> the builder is dropped for a new one.
/// </summary>
/// <remarks>
/// Dropped, not cleared: <see cref="StringBuilder.Clear"/> on a builder of many chunks allocates one array as large as
/// the text it held (38 MB after 20 million characters), the moment the row's memory should be coming back.
/// </remarks>
internal sealed class LineBuffer
{
    /// <summary>The most a builder keeps between lines (64 K characters).</summary>
    private const int KeptChars = 1 << 16;

    /// <summary>A builder past this many characters is collected as soon as it is dropped (below).</summary>
    private const int CollectedChars = 1 << 20;

    /// <summary>The line last read; empty when it was too long or did not fit in memory.</summary>
    public StringBuilder Line { get; private set; } = new();

    /// <summary>
    /// Reads the next line of <paramref name="reader"/> (ended by <c>\n</c>, <c>\r</c> or <c>\r\n</c>, as
    /// <see cref="TextReader.ReadLine"/>) into <see cref="Line"/>; false at the end. A line longer than
    /// <paramref name="maxChars"/> is read to its end but not kept: it comes back empty with <paramref name="tooLong"/>
    /// set, so a file without newlines cannot exhaust memory. A line that does not fit in the memory left is read to
    /// its end the same way, with <paramref name="noMemory"/> set, so the next line can still be read.
    /// </summary>
    /// <remarks>Character by character, so nothing past the line is consumed (stdin rows stream as they arrive).</remarks>
    public bool Read(TextReader reader, int maxChars, out bool tooLong, out bool noMemory)
    {
        Release();
        var line = Line;
        tooLong = false;
        noMemory = false;
        var c = reader.Read();
        if (c < 0)
        {
            return false;
        }
        for (; c >= 0 && c != '\n' && c != '\r'; c = reader.Read())
        {
            if (tooLong || noMemory) continue;
            if (line.Length == maxChars)
            {
                tooLong = true;
                continue;
            }
            try
            {
                line.Append((char)c);
            }
            catch (OutOfMemoryException)
            {
                noMemory = true;
            }
        }
        if (c == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }
        if (tooLong || noMemory) Release();
        return true;
    }

    /// <summary>Empties the line; a large one's builder is let go rather than kept beside the row's document.</summary>
    public void Release()
    {
        if (Line.Capacity <= KeptChars)
        {
            Line.Clear();
            return;
        }
        bool huge = Line.Capacity > CollectedChars;
        Line = new StringBuilder();
        // Its chunks (8,000 characters each) are small objects, which nothing collects before the youngest generation's
        // budget runs out: a line of 50 million characters skipped as too long left 100 MB of them behind (peak 139 MB,
        // where clearing the builder had given 120). Collecting the youngest generation alone takes them at once (120 MB
        // again); a line this long is rare enough that the collection's cost never shows.
        if (huge) GC.Collect(0, GCCollectionMode.Forced, blocking: true);
    }
}
