namespace Extractor.IO.Sources;

/// <summary>
/// One line of a dataset at a time, held as UTF-8 while it is read: what the JSON parser reads, without the line ever
/// being held as UTF-16 (a 21.6 MB row was 43 MB of builder chunks, then a UTF-8 copy beside them, docs/memory.md).
/// </summary>
/// <remarks>
/// The bytes go into segments of <see cref="SegmentBytes"/> (small objects, let go as soon as the line is joined) and
/// are joined into one array of the line's size for the parser, which a long row's document then keeps as its text
/// (<c>CompactText.FromUtf8</c>). A lone surrogate, which only a reader of text that did not come from UTF-8 can give,
/// becomes U+FFFD's three bytes, as the UTF-8 encoder's replacement makes it.
/// </remarks>
internal sealed class LineBuffer
{
    /// <summary>Bytes per segment (64 KB: under the large-object threshold).</summary>
    internal const int SegmentBytes = 1 << 16;

    private readonly List<byte[]> _full = [];
    private byte[] _segment = new byte[SegmentBytes];
    private int _used;
    private char _pendingHigh;

    /// <summary>The line's length in UTF-16 characters; 0 when it was too long or did not fit in memory.</summary>
    public int Length { get; private set; }

    /// <summary>Whether the line holds U+FFFD (the decoder's mark for bytes that were not UTF-8).</summary>
    public bool HasReplacement { get; private set; }

    /// <summary>Whether the line is empty or white space only.</summary>
    public bool IsWhiteSpace { get; private set; } = true;

    /// <summary>
    /// Reads the next line of <paramref name="reader"/> (ended by <c>\n</c>, <c>\r</c> or <c>\r\n</c>, as
    /// <see cref="TextReader.ReadLine"/>); false at the end. A line longer than <paramref name="maxChars"/> is read to
    /// its end but not kept: it comes back empty with <paramref name="tooLong"/> set, so a file without newlines cannot
    /// exhaust memory. A line that does not fit in the memory left is read to its end the same way, with
    /// <paramref name="noMemory"/> set, so the next line can still be read.
    /// </summary>
    /// <remarks>Character by character, so nothing past the line is consumed (stdin rows stream as they arrive).</remarks>
    public bool Read(TextReader reader, int maxChars, out bool tooLong, out bool noMemory)
    {
        Release();
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
            if (Length == maxChars)
            {
                tooLong = true;
                continue;
            }
            try
            {
                Append((char)c);
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
        if (tooLong || noMemory)
        {
            Release();
        }
        else if (_pendingHigh != 0)
        {
            Write(Replacement);
            _pendingHigh = '\0';
        }
        return true;
    }

    /// <summary>The line as one array of UTF-8 of its exact size; the segments are let go.</summary>
    /// <exception cref="OutOfMemoryException">The array does not fit in the memory left.</exception>
    public byte[] ToUtf8()
    {
        long size = _used;
        foreach (var segment in _full) size += segment.Length;
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)size));
        int at = 0;
        foreach (var segment in _full)
        {
            segment.CopyTo(bytes, at);
            at += segment.Length;
        }
        _segment.AsSpan(0, _used).CopyTo(bytes.AsSpan(at));
        Release();
        return bytes;
    }

    /// <summary>Empties the line, keeping one segment for the next.</summary>
    public void Release()
    {
        _full.Clear();
        _used = 0;
        _pendingHigh = '\0';
        Length = 0;
        HasReplacement = false;
        IsWhiteSpace = true;
    }

    private static ReadOnlySpan<byte> Replacement => [0xEF, 0xBF, 0xBD];

    private void Append(char c)
    {
        Length++;
        if (c == '\uFFFD') HasReplacement = true;
        if (IsWhiteSpace && !char.IsWhiteSpace(c)) IsWhiteSpace = false;
        if (_pendingHigh != 0)
        {
            char high = _pendingHigh;
            _pendingHigh = '\0';
            if (char.IsLowSurrogate(c))
            {
                int code = char.ConvertToUtf32(high, c);
                Write([(byte)(0xF0 | (code >> 18)), (byte)(0x80 | ((code >> 12) & 0x3F)), (byte)(0x80 | ((code >> 6) & 0x3F)), (byte)(0x80 | (code & 0x3F))]);
                return;
            }
            Write(Replacement);
        }
        if (c < 0x80)
        {
            if (_used == _segment.Length) NextSegment();
            _segment[_used++] = (byte)c;
        }
        else if (c < 0x800)
        {
            Write([(byte)(0xC0 | (c >> 6)), (byte)(0x80 | (c & 0x3F))]);
        }
        else if (char.IsHighSurrogate(c))
        {
            _pendingHigh = c;
        }
        else if (char.IsLowSurrogate(c))
        {
            Write(Replacement);
        }
        else
        {
            Write([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _segment.Length)
        {
            // A character's bytes are never split between segments: the rest of this one is cut off instead.
            Array.Resize(ref _segment, _used);
            NextSegment();
        }
        bytes.CopyTo(_segment.AsSpan(_used));
        _used += bytes.Length;
    }

    private void NextSegment()
    {
        _full.Add(_segment);
        _segment = new byte[SegmentBytes];
        _used = 0;
    }
}
