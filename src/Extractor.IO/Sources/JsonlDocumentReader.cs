using System.Text;

namespace Extractor.IO.Sources;

/// <summary>
/// Reads JSON Lines lazily, one row at a time (<see cref="JsonlRow"/>), so a dataset of any size streams. Each line
/// is an object with a string text field; a bad line is a <see cref="SourceFailure"/> named <c>FILE:LINE</c> and
/// the next line is read. Blank lines are skipped; line numbers are 1-based and count them.
/// </summary>
internal static class JsonlDocumentReader
{
    /// <param name="reader">The decoded lines.</param>
    /// <param name="fileId">The file's document id, the prefix of default row ids.</param>
    /// <param name="shown">The file as the user knows it, the prefix of failure locations.</param>
    /// <param name="options">Field names and the size limit.</param>
    public static IEnumerable<SourceItem> Read(TextReader reader, string fileId, string shown, SourceOptions options)
    {
        var lineNumber = 0;
        var buffer = new LineBuffer();
        var replacedReported = false;
        while (true)
        {
            var read = TryReadLine(reader, options.MaxRowChars, buffer, out var tooLong, out var noMemory, out var error);
            if (error is not null)
            {
                yield return new SourceFailure($"{shown}:{lineNumber + 1}", error);
                yield break;
            }
            if (!read)
            {
                if (CheckedUtf8Reader.ForInput(reader, shown, replacedReported) is { } unplaced)
                {
                    yield return unplaced;
                }
                yield break;
            }
            lineNumber++;
            if (CheckedUtf8Reader.ForRow(reader, shown, lineNumber, Contains(buffer.Line, '\uFFFD'), ref replacedReported) is { } replaced)
            {
                yield return replaced;
            }
            if (noMemory)
            {
                yield return NoMemory($"{shown}:{lineNumber}");
            }
            else if (tooLong)
            {
                yield return new SourceFailure($"{shown}:{lineNumber}", $"line too long for --max-document-size ({InputFiles.DescribeSize(options.MaxDocumentSize)}); skipped unread");
            }
            else if (!IsWhiteSpace(buffer.Line))
            {
                // The parser reads the row as UTF-8 made straight from the line buffer, which is then let go: the
                // iterator keeps its locals while the document is processed, and neither copy is needed by then.
                var utf8 = Utf8Of(buffer.Line);
                buffer.Release();
                var item = utf8 is null ? NoMemory($"{shown}:{lineNumber}") : ParseLine(utf8, $"{fileId}:{lineNumber}", $"{shown}:{lineNumber}", options);
                utf8 = null;
                yield return item;
            }
            buffer.Release();
        }
    }

    /// <summary>A row read whole whose copies do not fit in the memory left: that row fails, the next is read as usual.</summary>
    private static SourceFailure NoMemory(string where) =>
        new(where, MemoryShortage.Reason("read it", advice: "skipped; split it, or run with more memory"));

    private static bool TryReadLine(TextReader reader, int maxChars, LineBuffer buffer, out bool tooLong, out bool noMemory, out string? error)
    {
        try
        {
            error = null;
            return buffer.Read(reader, maxChars, out tooLong, out noMemory);
        }
        catch (Exception exception) when (InputFiles.Describe(exception) is { } described)
        {
            error = described;
            tooLong = noMemory = false;
            return false;
        }
    }

    private static bool Contains(StringBuilder line, char c)
    {
        foreach (var chunk in line.GetChunks())
            if (chunk.Span.Contains(c)) return true;
        return false;
    }

    private static bool IsWhiteSpace(StringBuilder line)
    {
        foreach (var chunk in line.GetChunks())
            if (!chunk.Span.IsWhiteSpace()) return false;
        return true;
    }

    /// <summary>The line as UTF-8 (<see cref="Utf8Copy"/>), or null when that copy does not fit in the memory left.</summary>
    private static byte[]? Utf8Of(StringBuilder line)
    {
        try
        {
            return Utf8Copy(line);
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>The line as UTF-8. Text decoded from UTF-8 (bad bytes replaced) holds no lone surrogate, so its length in
    /// UTF-8 is counted per character, and a pair split between two chunks is joined by the encoder's state; a line that
    /// does hold one (a reader given other text) is encoded from a string, lone surrogates replaced as before.</summary>
    private static byte[] Utf8Copy(StringBuilder line)
    {
        int length = 0;
        foreach (var chunk in line.GetChunks())
            foreach (char c in chunk.Span)
                length += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;
        var bytes = new byte[length];
        var encoder = Encoding.UTF8.GetEncoder();
        int at = 0;
        try
        {
            foreach (var chunk in line.GetChunks()) at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
            at += encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        }
        catch (ArgumentException)
        {
            // A lone surrogate: replaced by three bytes where two were counted.
            at = -1;
        }
        return at == length ? bytes : Encoding.UTF8.GetBytes(line.ToString());
    }

    private static SourceItem ParseLine(byte[] utf8, string defaultId, string where, SourceOptions options)
    {
        try
        {
            return JsonlRow.Parse(utf8, defaultId, where, options);
        }
        catch (OutOfMemoryException)
        {
            return NoMemory(where);
        }
    }
}
