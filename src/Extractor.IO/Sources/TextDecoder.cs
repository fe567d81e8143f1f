using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Extractor.Text;

namespace Extractor.IO.Sources;

/// <summary>The text of a file as decoded.</summary>
/// <param name="Text">The decoded text, with U+FFFD for invalid bytes.</param>
/// <param name="FirstInvalidByte">File offset of the first invalid UTF-8 byte, or -1 when the bytes were valid.</param>
/// <param name="IsBinary">True when the bytes do not look like text; <paramref name="Text"/> is then empty.</param>
/// <remarks><see cref="Compact"/> holds a long valid UTF-8 text instead of <paramref name="Text"/> (then empty) when asked for.</remarks>
internal readonly record struct DecodedText(string Text, long FirstInvalidByte, bool IsBinary)
{
    /// <summary>The text as its own UTF-8 bytes, never made a string, or null.</summary>
    public CompactText? Compact { get; init; }
}

/// <summary>
/// Decodes file bytes: a BOM selects UTF-8, UTF-16 LE or BE, or UTF-32 LE or BE; otherwise strict UTF-8, falling back to
/// U+FFFD replacement while remembering where the first bad byte was. Binary files are recognized first.
/// </summary>
internal static class TextDecoder
{
    /// <summary>How much of the start of a file the binary check looks at.</summary>
    private const int SniffLength = 8 * 1024;

    /// <summary>Share of control or undecodable characters in the sniffed start above which a file is not text.</summary>
    /// <remarks>High enough that Latin-1 prose (a few invalid bytes per hundred) is still read, with a warning.</remarks>
    private const double MaxJunkShare = 0.3;

    private static readonly Encoding Utf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, null);

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte})"/>; a file of valid UTF-8 longer than one tagging window is
    /// held as those bytes (<see cref="DecodedText.Compact"/>), never decoded to a string: for a 46 MB file, 46 MB
    /// instead of the bytes and a 92 MB string side by side while it is read.</summary>
    public static DecodedText DecodeCompact(byte[] bytes) => Decode(bytes, bytes);

    private static DecodedText Decode(ReadOnlySpan<byte> bytes, byte[]? compactFrom)
    {
        // UTF-32's little-endian mark starts like UTF-16's, so it is tried first; decoded as UTF-16, every
        // character came out followed by a NUL and the file yielded nothing.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new DecodedText(Encoding.UTF32.GetString(bytes[4..]), -1, false);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new DecodedText(Utf32BigEndian.GetString(bytes[4..]), -1, false);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), -1, false);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Utf16BigEndian.GetString(bytes[2..]), -1, false);
        }
        var bomLength = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = bytes[bomLength..];
        if (LooksBinary(body))
        {
            return new DecodedText("", -1, true);
        }
        if (compactFrom is not null && body.Length > CompactText.MinChars && CompactText.FromUtf8(compactFrom, bomLength, body.Length) is { } compact)
        {
            return new DecodedText("", -1, false) { Compact = compact };
        }
        var invalidAt = FirstInvalidUtf8(body);
        var text = Encoding.UTF8.GetString(body);
        return new DecodedText(text, invalidAt < 0 ? -1 : invalidAt + bomLength, false);
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1.</summary>
    private static long FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[1024];
        long offset = 0;
        while (!bytes.IsEmpty)
        {
            var status = Utf8.ToUtf16(bytes, scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            bytes = bytes[read..];
            if (status == OperationStatus.InvalidData)
            {
                return offset;
            }
            if (status == OperationStatus.Done)
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>A NUL byte in the first 8 KB, or mostly control and undecodable characters there.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sniff = bytes[..Math.Min(bytes.Length, SniffLength)];
        if (sniff.Contains((byte)0))
        {
            return true;
        }
        if (sniff.IsEmpty)
        {
            return false;
        }
        var junk = 0;
        var total = 0;
        while (!sniff.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(sniff, out var rune, out var consumed);
            // A sequence cut off at the end of the sniffed window is not evidence of binary data.
            if (status == OperationStatus.NeedMoreData && sniff.Length < bytes.Length)
            {
                break;
            }
            total++;
            if (status != OperationStatus.Done || (Rune.IsControl(rune) && !IsTextControl(rune.Value)))
            {
                junk++;
            }
            sniff = sniff[consumed..];
        }
        return junk > total * MaxJunkShare;
    }

    /// <summary>The same rule for text already decoded (standard input, read through a <see cref="CheckedUtf8Reader"/>
    /// that turned bad bytes into U+FFFD): a NUL in the first 8 K characters, or mostly control and replaced ones there.</summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        var sniff = text[..Math.Min(text.Length, SniffLength)];
        if (sniff.Contains('\0')) return true;
        int junk = 0, total = 0;
        foreach (var rune in sniff.EnumerateRunes())
        {
            total++;
            if (rune.Value == 0xFFFD || (Rune.IsControl(rune) && !IsTextControl(rune.Value))) junk++;
        }
        return total > 0 && junk > total * MaxJunkShare;
    }

    private static bool IsTextControl(int value) => value is '\t' or '\n' or '\r' or '\f' or '\v';
}
