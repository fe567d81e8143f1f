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
/// Immutable until <see cref="LetGo"/>, so one text may be read from several threads.
/// </remarks>
internal sealed class CompactText
{
    /// <summary>Texts longer than this (one tagging window) are worth holding compactly; shorter ones are read whole.</summary>
    public const int MinChars = 1 << 20;

    /// <summary>Characters between two checkpoints: a read decodes at most this many before its first character.</summary>
    private const int Stride = 1024;

    /// <summary>The text is <c>_utf8[_origin..(_origin + ByteCount)]</c>: a JSON row's text is held inside the row's bytes.
    /// Null once <see cref="LetGo"/> has let it go.</summary>
    private byte[]? _utf8;
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

    /// <summary>Once the text is let go, the UTF-16 offset of every pair's second half, in order (null when it has none).</summary>
    private int[]? _secondHalves;

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

    /// <summary>Whether <see cref="LetGo"/> has let the text go: only its length and code-point offsets remain.</summary>
    public bool IsLetGo => _utf8 is null;

    /// <summary>Characters per surrogate pair that a text must have at least to be let go: the positions kept then cost
    /// at most 4 bytes per 256 characters.</summary>
    private const int CharsPerKeptPair = 256;

    /// <summary>Lets go of the text's bytes once nothing will read them again, keeping what <see cref="CodePointAt"/>
    /// needs (the positions of its surrogate pairs); false, and the text kept, when it holds more than one pair per
    /// <see cref="CharsPerKeptPair"/> characters. Reading the text afterwards throws.</summary>
    /// <remarks>A batch run's large document needs its text until it is resolved, and then only code-point offsets for
    /// its records: letting the text go there takes it out of the grouping and writing that follow, where a 21.6 MB
    /// JSON row's run peaks (docs/memory.md). Not for a text that other threads still read.</remarks>
    public bool LetGo()
    {
        var bytes = Bytes;
        if (HasSurrogates)
        {
            // Four-byte sequences are the code points that UTF-16 holds as pairs.
            var secondHalves = new List<int>();
            int chars = 0;
            foreach (byte b in bytes)
            {
                if ((b & 0xC0) == 0x80) continue;
                if (b >= 0xF0)
                {
                    if (secondHalves.Count == Length / CharsPerKeptPair) return false;
                    secondHalves.Add(chars + 1);
                    chars += 2;
                }
                else
                {
                    chars++;
                }
            }
            _secondHalves = [.. secondHalves];
        }
        _utf8 = null;
        return true;
    }

    /// <summary>The code-point offset of UTF-16 offset <paramref name="utf16"/> of a text that was let go (a pair counts once).</summary>
    public int CodePointAt(int utf16)
    {
        if (_secondHalves is not { } halves) return utf16;
        // Each second half before the offset shares its code point with the character before it.
        int at = Array.BinarySearch(halves, utf16);
        return utf16 - (at >= 0 ? at : ~at);
    }

    /// <summary>The text's bytes; it throws once the text was let go.</summary>
    private ReadOnlySpan<byte> Bytes =>
        _utf8 is { } utf8 ? utf8.AsSpan(_origin, ByteCount) : throw new InvalidOperationException("the text was let go once resolved");

    /// <summary>Writes the characters from <paramref name="start"/> on into <paramref name="destination"/>, which it fills.</summary>
    /// <remarks>Straight into <paramref name="destination"/>: the characters between the checkpoint and
    /// <paramref name="start"/> (fewer than a stride) are decoded on the stack and dropped. A rented buffer of the
    /// destination's size cost a 2 MB array per tagging window, which the shared pool then kept.</remarks>
    public void CopyTo(int start, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + (long)destination.Length, Length);
        if (destination.IsEmpty) return;
        int k = start / Stride;
        int skip = start - _charAt[k];
        var source = Bytes[_byteAt[k]..];
        Span<char> pair = stackalloc char[2];
        if (skip > 0)
        {
            Span<char> skipped = stackalloc char[Stride + 1];
            source = source[Decode(source, skipped[..skip], out int written)..];
            if (written < skip)
            {
                // The range starts on the second half of a pair, which did not fit: decode the pair, keep that half.
                source = source[Decode(source, pair, out _)..];
                destination[0] = pair[1];
                destination = destination[1..];
            }
        }
        int read = Decode(source, destination, out int filled);
        if (filled < destination.Length)
        {
            // It ends on the first half of a pair, which did not fit (the decoder writes a pair whole or not at all).
            Decode(source[read..], pair, out _);
            destination[^1] = pair[0];
        }
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

    /// <summary>Decodes the start of <paramref name="source"/> until <paramref name="destination"/> is full or a pair would
    /// not fit; the bytes read.</summary>
    private static int Decode(ReadOnlySpan<byte> source, Span<char> destination, out int written)
    {
        Utf8.ToUtf16(source, destination, out int read, out written, replaceInvalidSequences: false);
        return read;
    }
}
