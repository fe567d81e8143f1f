using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Extractor.Text;

/// <summary>
/// The one reader for the data files the tool loads besides documents (CoNLL files, user lexicons, phrase lists,
/// word-class files, corpus tables): UTF-8 only, with or without a BOM, and no NUL bytes.
/// </summary>
/// <remarks>Documents are read leniently (invalid bytes become U+FFFD with a warning) because one odd article must not
/// stop a batch. A data file is different: a Latin-1 lexicon entry that silently became <c>Caf\uFFFD</c> would never
/// match, and a NUL in a corpus table is a damaged file. So a bad byte is an error naming the file, line and byte.</remarks>
internal static class StrictText
{
    /// <summary>The text of <paramref name="path"/> (a FIFO is read to its end, as <c>cat</c> would).</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="shown">The file's name as messages give it (the path as the user wrote it, escaped).</param>
    /// <exception cref="InvalidDataException">Not UTF-8, or a NUL byte; the message is <c>SHOWN:LINE: …</c>.</exception>
    public static string ReadFile(string path, string shown) => Decode(File.ReadAllBytes(path), shown);

    /// <summary>The lines of <paramref name="path"/>, split on LF with a CR before it dropped.</summary>
    /// <exception cref="InvalidDataException">As <see cref="ReadFile"/>.</exception>
    public static string[] ReadLines(string path, string shown) => SplitLines(ReadFile(path, shown));

    /// <summary>Lines of a decoded text: LF or CRLF ends, no empty last line for a closing line end.</summary>
    public static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Split('\n');
        int count = lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var result = new string[count];
        for (int i = 0; i < count; i++) result[i] = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
        return result;
    }

    /// <summary>Decodes <paramref name="bytes"/> strictly (a leading UTF-8 BOM is dropped).</summary>
    /// <exception cref="InvalidDataException">As <see cref="ReadFile"/>.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string shown)
    {
        int start = bytes.StartsWith(Utf8Bom) ? 3 : 0;
        if (bytes.StartsWith(Utf16LittleEndianBom) || bytes.StartsWith(Utf16BigEndianBom))
            throw new InvalidDataException($"{shown}:1: UTF-16, not UTF-8; save the file as UTF-8 (iconv -f UTF-16 -t UTF-8)");
        var body = bytes[start..];
        int nul = body.IndexOf((byte)0);
        if (nul >= 0) throw new InvalidDataException($"{shown}:{LineOf(body, nul)}: a NUL byte at byte {start + nul}; not a text file");
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, body.Length));
        try
        {
            var status = Utf8.ToUtf16(body, chars, out int read, out int written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
                throw new InvalidDataException($"{shown}:{LineOf(body, read)}: not valid UTF-8 (byte {start + read} is 0x{body[read]:X2}); save the file as UTF-8 (iconv -f LATIN1 -t UTF-8)");
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A strict UTF-8 decoder for streams too large to hold (clustering's gigabytes of text): a bad byte throws
    /// <see cref="DecoderFallbackException"/>, which the reader turns into a message with the file's name.</summary>
    public static Encoding StreamEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
