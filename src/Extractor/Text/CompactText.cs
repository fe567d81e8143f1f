using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Extractor.Text;

/// <summary>
/// A long document's text held as UTF-8, read back a range of UTF-16 characters at a time: the same offsets, half the
/// memory of a .NET string for English text.
/// </summary>
/// <remarks>
/// A 21.6 MB text is 43 MB as a string, held from reading to writing, and it was the largest single thing live at a
/// large document's peak (docs/memory.md). Only the batch path holds text this way, and only past
/// <see cref="MinChars"/>: it reads the text a window at a time anyway. Offsets stay UTF-16 offsets, so nothing
/// downstream changes; a checkpoint per <see cref="Stride"/> characters gives the byte where each stride starts.
/// Immutable, so one text may be read from several threads.
/// </remarks>
internal sealed class CompactText
{
    /// <summary>Texts longer than this (one tagging window) are worth holding compactly; shorter ones are read whole.</summary>
    public const int MinChars = 1 << 20;

    /// <summary>Characters between two checkpoints: a read decodes at most this many before its first character.</summary>
    private const int Stride = 1024;

    /// <summary>The text is <c>_utf8[_origin..(_origin + ByteCount)]</c>: a JSON row's text is held inside the row's bytes.</summary>
    private readonly byte[] _utf8;
    private readonly int _origin;

    /// <summary>Per stride <c>k</c>, the byte where the code point holding character <c>k × Stride</c> starts, and that
    /// code point's character offset (one less when the stride starts on the second half of a surrogate pair).</summary>
    private readonly int[] _byteAt, _charAt;

    private CompactText(byte[] utf8, int origin, int byteCount, int[] byteAt, int[] charAt, int length, int wrapWidth, bool hasSurrogates)
    {
        _utf8 = utf8;
        _origin = origin;
        ByteCount = byteCount;
        _byteAt = byteAt;
        _charAt = charAt;
        Length = length;
        WrapWidth = wrapWidth;
        HasSurrogates = hasSurrogates;
    }

    /// <summary>The text's length in UTF-16 characters.</summary>
    public int Length { get; }

    /// <summary><see cref="LineWrapping.WrapWidth(ReadOnlySpan{char})"/> of the text, worked out once it is read: the role rules need
    /// it for the whole document and read the text only around names.</summary>
    public int WrapWidth { get; private set; }

    /// <summary>Whether the text holds a surrogate pair (a code point outside the Basic Multilingual Plane).</summary>
    public bool HasSurrogates { get; }

    /// <summary>The text's UTF-8 size in bytes.</summary>
    public int ByteCount { get; }

    /// <summary><paramref name="text"/> held compactly; null when it holds a lone surrogate, which UTF-8 cannot carry
    /// (a JSON row may escape one), so the caller keeps the string.</summary>
    public static CompactText? From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A lone surrogate counts as a replacement character here, and the strict conversion refuses it.
        int bytes = Encoding.UTF8.GetByteCount(text);
        var utf8 = GC.AllocateUninitializedArray<byte>(bytes);
        if (Utf8.FromUtf16(text, utf8, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done || written != bytes) return null;
        int strides = text.Length / Stride + 1;
        var byteAt = new int[strides];
        var charAt = new int[strides];
        int at = 0, offset = 0;
        for (int k = 0; k < strides; k++)
        {
            int c = k * Stride;
            if (c > 0 && c < text.Length && char.IsLowSurrogate(text[c])) c--;
            offset += Encoding.UTF8.GetByteCount(text.AsSpan(at, c - at));
            at = c;
            byteAt[k] = offset;
            charAt[k] = c;
        }
        bool surrogates = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        return new CompactText(utf8, 0, utf8.Length, byteAt, charAt, text.Length, LineWrapping.WrapWidth(text), surrogates);
    }

    /// <summary>The text of <paramref name="count"/> bytes of valid UTF-8 at <paramref name="start"/> of
    /// <paramref name="utf8"/> (a file's bytes after its byte-order mark, a JSON string unescaped), never held as a
    /// string; the array is kept, not copied, when the text is most of it (then it must never change). Null when the
    /// bytes are not valid UTF-8, for the caller's decoder to replace what is wrong and warn.</summary>
    public static CompactText? FromUtf8(byte[] utf8, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var bytes = utf8.AsSpan(start, count);
        if (!Utf8.IsValid(bytes)) return null;
        // A JSON row's other fields are a few bytes beside its text; a row whose text is the smaller part is copied.
        bool adopt = count >= utf8.Length / 2;
        byte[] array = adopt ? utf8 : bytes.ToArray();
        int origin = adopt ? start : 0;
        var held = array.AsSpan(origin, count);
        List<int> byteAt = [0], charAt = [0];
        // A stride at a time to the next checkpoint. The decoder writes a pair whole or not at all, so a stride that
        // would end on a pair's first half ends before it: that checkpoint is the pair's start, as in From.
        Span<char> scratch = stackalloc char[Stride + 1];
        int chars = 0, at = 0;
        while (at < held.Length)
        {
            int target = byteAt.Count * Stride;
            Utf8.ToUtf16(held[at..], scratch[..(target - chars)], out int read, out int written, replaceInvalidSequences: false);
            at += read;
            chars += written;
            if (chars == target || (chars == target - 1 && at < held.Length))
            {
                byteAt.Add(at);
                charAt.Add(chars);
            }
        }
        // Four-byte sequences are the code points that UTF-16 holds as pairs.
        bool surrogates = held.IndexOfAnyInRange((byte)0xF0, (byte)0xFF) >= 0;
        var text = new CompactText(array, origin, count, [.. byteAt], [.. charAt], chars, 0, surrogates);
        text.WrapWidth = LineWrapping.WrapWidth(text.Lines);
        return text;
    }

    /// <summary>The text in pieces of whole lines, about a megabyte of characters each (a longer line whole), which
    /// joined with <c>\n</c> make it: what <see cref="LineWrapping.WrapWidth(Func{IEnumerable{ReadOnlyMemory{char}}})"/> reads.</summary>
    /// <remarks>A string per piece, not one reused buffer: the buffer made less garbage and, with fewer full collections
    /// coming at other moments, higher peaks (docs/memory.md, fifteenth session).</remarks>
    private IEnumerable<ReadOnlyMemory<char>> Lines()
    {
        for (int from = 0, size = MinChars; ;)
        {
            int end = (int)Math.Min(Length, (long)from + size);
            string window = Substring(from, end - from);
            if (end == Length)
            {
                yield return window.AsMemory();
                yield break;
            }
            int newline = window.LastIndexOf('\n');
            if (newline < 0)
            {
                size *= 2;
                continue;
            }
            yield return window.AsMemory(0, newline);
            (from, size) = (from + newline + 1, MinChars);
        }
    }

    /// <summary>Writes the characters from <paramref name="start"/> on into <paramref name="destination"/>, which it fills.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + (long)destination.Length, Length);
        if (destination.IsEmpty) return;
        int k = start / Stride;
        int skip = start - _charAt[k];
        var source = _utf8.AsSpan(_origin + _byteAt[k], ByteCount - _byteAt[k]);
        if (skip == 0 && Decode(source, destination) == destination.Length) return;
        // Decoded into a buffer when the range starts past the checkpoint, or ends on the first half of a surrogate
        // pair (the decoder writes a pair whole or not at all): one more slot holds the pair's second half.
        char[] buffer = ArrayPool<char>.Shared.Rent(skip + destination.Length + 1);
        try
        {
            Decode(source, buffer.AsSpan(0, skip + destination.Length + 1));
            buffer.AsSpan(skip, destination.Length).CopyTo(destination);
        }
        finally { ArrayPool<char>.Shared.Return(buffer); }
    }

    /// <summary>The characters <c>[start, start + length)</c> as a string.</summary>
    public string Substring(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return length == 0 ? "" : string.Create(length, (this, start), static (span, s) => s.Item1.CopyTo(s.start, span));
    }

    /// <summary>The characters around <c>[from, to)</c>, up to <paramref name="margin"/> more on each side as the text
    /// allows, as a string, and the offset it starts at: what rules that look a little past their range read.</summary>
    public (string Text, int Offset) Window(int from, int to, int margin)
    {
        int start = Math.Max(0, from - margin);
        int end = (int)Math.Min(Length, (long)to + margin);
        return (Substring(start, end - start), start);
    }

    /// <summary>The whole text as a string (a library caller that asks for <c>Document.Text</c>; the batch path never does).</summary>
    public override string ToString() => Substring(0, Length);

    /// <summary>Decodes the start of <paramref name="source"/> until <paramref name="destination"/> is full or a pair would not fit.</summary>
    private static int Decode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        Utf8.ToUtf16(source, destination, out _, out int written, replaceInvalidSequences: false);
        return written;
    }
}
