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
            if (CheckedUtf8Reader.ForRow(reader, shown, lineNumber, buffer.HasReplacement, ref replacedReported) is { } replaced)
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
            else if (!buffer.IsWhiteSpace)
            {
                // The parser reads the row as one UTF-8 array joined from the line buffer, which is then emptied: the
                // iterator keeps its locals while the document is processed, and a long row's text is that array.
                var utf8 = Utf8Of(buffer);
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

    /// <summary>The line as UTF-8, or null when it does not fit in the memory left.</summary>
    private static byte[]? Utf8Of(LineBuffer line)
    {
        try
        {
            return line.ToUtf8();
        }
        catch (OutOfMemoryException)
        {
            line.Release();
            return null;
        }
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
