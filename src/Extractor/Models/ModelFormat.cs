using Extractor.Recognition.Features;
using Extractor.Text;

namespace Extractor.Models;

/// <summary>Constants of the binary model format (little-endian throughout).</summary>
/// <remarks>
/// Layout (version 5): 8-byte magic, format version (int32), feature-template version (int32), payload length
/// (int64), payload checksum (uint64, <see cref="WideChecksum"/>), then the payload: provenance strings, the label
/// set, the word classes (word count; then, if any, the section's length, the distinct bit paths, and blocks of each
/// word's start, each word's path index, the words' UTF-16 characters and the word index's slots), the phrase lists
/// (names and counts, then blocks of the open-addressing table's keys and values), one or two stages (encoding,
/// feature groups, temperature, transitions, blocks of feature ids and of their index's slots, and weights stored as int16 with one scale per
/// stage, each row as a bit mask of its non-zero tags), the calibrator, and the two stages' scoring table as the
/// tagger probes it (three blocks). A block is its count (int32), zeros up to the next multiple of 8 bytes of the
/// file, and its values: a reader maps the file and views blocks in place (<see cref="TableMemory"/>).
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
    /// and the step table's length, thresholds and values). 5 (issue #33): the tables as the tagger reads them, in
    /// aligned blocks that a mapped file is read through in place: the word classes as starts, path indexes, UTF-16
    /// characters and the index's slots (was: 7-bit lengths and one UTF-8 run, indexed at every load); the phrase
    /// lists' arrays and the feature ids, with their index's slots, as blocks; after the calibrator a presence byte and the paired stages' scoring
    /// table (<c>WeightTable.Store</c>, was built at every load); the checksum is <see cref="WideChecksum"/>.</remarks>
    public const int Version = 5;

    /// <summary>The oldest layout this build still reads: version 2 is version 3 without the phrase lists, version 3 is
    /// version 4 without the calibrator, and version 4 is version 5 without the stored tables, which are then built.</summary>
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
    public static byte[] ReadFile(string path, int headerLength, PayloadLength payloadLength) =>
        Open(path, headerLength, payloadLength, ReadRest);

    /// <summary>As <see cref="ReadFile"/>, but a regular file is mapped into memory rather than read (its tables are then
    /// views of the page cache, issue #33); anything else (a pipe, a device) is read into pinned memory once its header
    /// passes.</summary>
    public static TableMemory MapFile(string path, int headerLength, PayloadLength payloadLength) =>
        Open(path, headerLength, payloadLength, (stream, header, total) =>
        {
            if (stream.CanSeek)
            {
                // A file system that cannot map files (some network and FUSE mounts) gets the file read instead.
                try { return TableMemory.Map(stream, total); }
                catch (IOException) { }
            }
            return TableMemory.Copy(ReadRest(stream, header, total));
        });

    /// <summary>The header and the rest of the file, <paramref name="total"/> bytes in all.</summary>
    private static byte[] ReadRest(FileStream stream, byte[] header, int total)
    {
        var bytes = new byte[total];
        header.CopyTo(bytes, 0);
        stream.ReadExactly(bytes, header.Length, total - header.Length);
        return bytes;
    }

    /// <summary>Opens a model file, checks its header and its size against the payload length the header declares, and
    /// hands the open stream (after the header), the header and the file's whole length to <paramref name="read"/>; the
    /// stream is closed afterwards (a mapping made from it stays valid without it).</summary>
    private static T Open<T>(string path, int headerLength, PayloadLength payloadLength, Func<FileStream, byte[], int, T> read)
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
            return read(stream, header, checked(header.Length + (int)length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"{path}: cannot read the model file ({e.Message})");
        }
    }

    /// <summary>Parses a model's payload (after <paramref name="headerLength"/> bytes) with <paramref name="parse"/> while its
    /// checksum is computed on another core; a mismatch wins over whatever the parse made of the damaged bytes, so a
    /// corrupt file always says so, and any other failure of the parse becomes one line naming the file.</summary>
    public static T ParseChecked<T>(byte[] bytes, int headerLength, ulong checksum, string name, Func<T> parse) where T : class =>
        ParseChecked(() => Checksum(bytes.AsSpan(headerLength)) == checksum, name, parse);

    /// <summary>A checksum over a payload.</summary>
    public delegate ulong ChecksumOf(ReadOnlySpan<byte> payload);

    /// <summary>As <see cref="ParseChecked{T}(byte[], int, ulong, string, Func{T})"/>, with <paramref name="intactCheck"/> saying
    /// whether the payload's checksum matches.</summary>
    public static T ParseChecked<T>(Func<bool> intactCheck, string name, Func<T> parse) where T : class
    {
        var intact = Task.Run(intactCheck);
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

    /// <summary>The checksum of format 5: FNV-1a's step over eight bytes at a time in four interleaved lanes, each
    /// step followed by a rotation so that high bits reach low ones, then the lanes and the length folded together.</summary>
    /// <remarks>Byte-at-a-time FNV-1a (<see cref="Checksum"/>) takes about 1 ms a megabyte (5.8% of a format 4 start-up's
    /// profile for 4.7 MB), and format 5's file is 18 MB, all on the start-up's path. This reads a word where that read a
    /// byte and keeps four multiplications in flight. Any one changed bit changes the result (every step is a bijection
    /// of the lane).</remarks>
    public static ulong WideChecksum(ReadOnlySpan<byte> data)
    {
        const ulong Prime = 1099511628211UL;
        ulong a = 14695981039346656037UL, b = a ^ 1, c = a ^ 2, d = a ^ 3;
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(data);
        int i = 0;
        for (; i + 4 <= words.Length; i += 4)
        {
            a = System.Numerics.BitOperations.RotateLeft((a ^ Little(words[i])) * Prime, 29);
            b = System.Numerics.BitOperations.RotateLeft((b ^ Little(words[i + 1])) * Prime, 29);
            c = System.Numerics.BitOperations.RotateLeft((c ^ Little(words[i + 2])) * Prime, 29);
            d = System.Numerics.BitOperations.RotateLeft((d ^ Little(words[i + 3])) * Prime, 29);
        }
        for (; i < words.Length; i++) a = System.Numerics.BitOperations.RotateLeft((a ^ Little(words[i])) * Prime, 29);
        foreach (byte x in data[(words.Length * 8)..]) b = (b ^ x) * Prime;
        ulong h = 14695981039346656037UL;
        foreach (ulong lane in (ReadOnlySpan<ulong>)[a, b, c, d, (ulong)data.Length]) h = System.Numerics.BitOperations.RotateLeft((h ^ lane) * Prime, 29);
        return h;
    }

    private static ulong Little(ulong word) => BitConverter.IsLittleEndian ? word : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(word);

    /// <summary>FNV-1a over the bytes: the checksum of formats 2 to 4 and of the accurate tier's file.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in data) h = (h ^ b) * 1099511628211UL;
        return h;
    }
}
