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

    private readonly byte[] _utf8;

    /// <summary>Per stride <c>k</c>, the byte where the code point holding character <c>k × Stride</c> starts, and that
    /// code point's character offset (one less when the stride starts on the second half of a surrogate pair).</summary>
    private readonly int[] _byteAt, _charAt;

    private CompactText(byte[] utf8, int[] byteAt, int[] charAt, int length, int wrapWidth, bool hasSurrogates)
    {
        _utf8 = utf8;
        _byteAt = byteAt;
        _charAt = charAt;
        Length = length;
        WrapWidth = wrapWidth;
        HasSurrogates = hasSurrogates;
    }

    /// <summary>The text's length in UTF-16 characters.</summary>
    public int Length { get; }

    /// <summary><see cref="LineWrapping.WrapWidth"/> of the text, worked out while it was a string: the role rules need
    /// it for the whole document and read the text only around names.</summary>
    public int WrapWidth { get; }

    /// <summary>Whether the text holds a surrogate pair (a code point outside the Basic Multilingual Plane).</summary>
    public bool HasSurrogates { get; }

    /// <summary>The text's UTF-8 size in bytes.</summary>
    public int ByteCount => _utf8.Length;

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
        return new CompactText(utf8, byteAt, charAt, text.Length, LineWrapping.WrapWidth(text), surrogates);
    }

    /// <summary>Writes the characters from <paramref name="start"/> on into <paramref name="destination"/>, which it fills.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + (long)destination.Length, Length);
        if (destination.IsEmpty) return;
        int k = start / Stride;
        int skip = start - _charAt[k];
        var source = _utf8.AsSpan(_byteAt[k]);
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
