using Extractor.Text;

namespace Extractor.Models;

/// <summary>Constants of the binary model format (little-endian throughout).</summary>
/// <remarks>
/// Layout: 8-byte magic, format version (int32), feature-template version (int32), payload length
/// (int64), payload checksum (uint64, FNV-1a), then the payload: provenance strings, the label set, the
/// word classes (word count; then, if any, the section's length, the distinct bit paths, each word's length in
/// UTF-16 code units and path index, and all the words as one UTF-8 run), and one or two stages (encoding,
/// feature groups, temperature, transitions, feature ids, and weights stored as int16 with one scale per
/// stage, each row as a bit mask of its non-zero tags).
/// Data only — no object-graph serializer — so a file can be checked before anything is trusted.
/// </remarks>
internal static class ModelFormat
{
    public static ReadOnlySpan<byte> Magic => "EXTRNER\0"u8;

    /// <summary>Bumped whenever the layout changes; older readers reject newer files by this.</summary>
    /// <remarks>2: each class path is stored once and words refer to it by index, rather than a path string per word,
    /// and the words are one UTF-8 run behind a section length. 3: the phrase lists (list count; names and name counts; the
    /// open-addressing table's length, its keys and its values), after the word classes. 4: the mention calibrator after
    /// the stages (a presence byte; then its description, the evidence feature names, one weight per name, the bias,
    /// and the step table's length, thresholds and values).</remarks>
    public const int Version = 4;

    /// <summary>The oldest layout this build still reads: version 2 is version 3 without the phrase lists, and
    /// version 3 is version 4 without the calibrator.</summary>
    public const int OldestReadable = 2;

    public const int HeaderLength = 8 + 4 + 4 + 8 + 8;

    /// <summary>Label names in enum order, stored so a reader can refuse a model with another label set.</summary>
    public static IReadOnlyList<string> Labels { get; } = [.. EntityLabels.All.ToArray().Select(l => l.ToConll())];

    /// <summary>The largest payload read: far above any model this code trains (the base model is 4 MB, the accurate tier
    /// 20 MB), far below what would exhaust memory.</summary>
    public const long MaxPayloadBytes = 1L << 30;

    /// <summary>The payload length a header declares, once the header is checked (magic, version).</summary>
    public delegate long PayloadLength(ReadOnlySpan<byte> header, string name);

    /// <summary>Reads a model file whole: the header first, checked by <paramref name="payloadLength"/>, then the file's
    /// size against the payload length it declares, so a file that is not a model (a 2 GB sparse file, a device that
    /// never ends) is refused before it is read.</summary>
    public static byte[] ReadFile(string path, int headerLength, PayloadLength payloadLength)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var header = new byte[headerLength];
            int filled = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            long length = payloadLength(header.AsSpan(0, filled), path);
            long payload = stream.CanSeek ? stream.Length - header.Length : length;
            if (length != payload || length < 0)
                throw new ModelFormatException($"{path}: truncated or padded model file (payload is {payload} bytes, header says {length})");
            if (length > MaxPayloadBytes)
                throw new ModelFormatException($"{path}: model payload of {length} bytes is over this build's limit of {MaxPayloadBytes}");
            var bytes = new byte[header.Length + length];
            header.CopyTo(bytes, 0);
            stream.ReadExactly(bytes, header.Length, (int)length);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"{path}: cannot read the model file ({e.Message})");
        }
    }

    /// <summary>Parses a model's payload (after <paramref name="headerLength"/> bytes) with <paramref name="parse"/> while its
    /// checksum is computed on another core; a mismatch wins over whatever the parse made of the damaged bytes, so a
    /// corrupt file always says so, and any other failure of the parse becomes one line naming the file.</summary>
    public static T ParseChecked<T>(byte[] bytes, int headerLength, ulong checksum, string name, Func<T> parse) where T : class
    {
        var intact = Task.Run(() => Checksum(bytes.AsSpan(headerLength)) == checksum);
        T? model = null;
        Exception? failure = null;
        try
        {
            model = parse();
        }
        catch (Exception e) when (e is ModelFormatException or EndOfStreamException or ArgumentException or IOException
            or OverflowException or OutOfMemoryException or FormatException or AggregateException)
        {
            failure = e is AggregateException { InnerException: { } inner } ? inner : e;
        }
        if (!intact.GetAwaiter().GetResult())
            throw new ModelFormatException($"{name}: corrupt model file (checksum mismatch)");
        return failure switch
        {
            null => model!,
            ModelFormatException format => throw format,
            _ => throw new ModelFormatException($"{name}: corrupt model file ({failure.Message})"),
        };
    }

    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in data) h = (h ^ b) * 1099511628211UL;
        return h;
    }
}
