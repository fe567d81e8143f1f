using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;

namespace Extractor.Models;

/// <summary>Reads and validates model files; anything wrong becomes a <see cref="ModelFormatException"/> naming the file.</summary>
internal static class ModelReader
{
    /// <summary>Reads a model file (<see cref="ModelFormat.ReadFile"/>: the header is checked before the rest is read).</summary>
    public static NerModel ReadFile(string path) =>
        Read(ModelFormat.MapFile(path, ModelFormat.HeaderLength, (header, name) =>
        {
            CheckHeader(header, name);
            return BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        }), path);

    private static void CheckHeader(ReadOnlySpan<byte> header, string name)
    {
        if (header.Length < ModelFormat.HeaderLength || !header[..8].SequenceEqual(ModelFormat.Magic))
            throw new ModelFormatException($"{name}: not an Extractor model file (bad magic number)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version < ModelFormat.OldestReadable || version > ModelFormat.Version)
            throw new ModelFormatException($"{name}: model format version {version}, but this build reads versions {ModelFormat.OldestReadable} to {ModelFormat.Version}; retrain it with `extractor train` or use a matching release");
        int templates = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (templates < FeatureExtractor.OldestTemplateVersion || templates > FeatureExtractor.TemplateVersion)
            throw new ModelFormatException($"{name}: feature templates version {templates}, but this build uses versions {FeatureExtractor.OldestTemplateVersion} to {FeatureExtractor.TemplateVersion}; retrain the model with `extractor train`");
    }

    /// <summary>The provenance record at the start of a model (version, date, data, settings, dev F1), from the first
    /// bytes of the file alone: what <c>--version</c> shows, without reading, checking or parsing the rest.</summary>
    /// <param name="start">The file's first bytes: the header and at least the record (a few hundred bytes; 64 KB is ample).</param>
    /// <param name="name">Names the model in errors.</param>
    /// <exception cref="ModelFormatException">Not a model file, a version this build cannot read, or cut short.</exception>
    public static unsafe ModelInfo ReadInfo(ReadOnlySpan<byte> start, string name)
    {
        CheckHeader(start, name);
        var record = start[ModelFormat.HeaderLength..];
        if (record.IsEmpty) throw new ModelFormatException($"{name}: corrupt model file (no provenance record after the header)");
        try
        {
            // Read in place: a copy of the 64 KB that callers pass was a fresh allocation, ~0.8 ms of --version's 15 (#33).
            fixed (byte* p = record)
            {
                using var r = new BinaryReader(new UnmanagedMemoryStream(p, record.Length), Encoding.UTF8);
                return new ModelInfo(r.ReadString(), DateTime.FromBinary(r.ReadInt64()), r.ReadString(), r.ReadString(), r.ReadDouble());
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            throw new ModelFormatException($"{name}: corrupt model file ({e.Message})");
        }
    }

    /// <summary>Reads a model from its bytes; <paramref name="name"/> names it in errors.</summary>
    public static NerModel Read(ReadOnlySpan<byte> bytes, string name) => Read(TableMemory.Copy(bytes), name);

    /// <summary>Reads a model from the rest of <paramref name="stream"/>: in place when the stream is memory already (a
    /// resource in a native binary's image), which the model then keeps; otherwise copied, and the stream closed.</summary>
    public static NerModel Read(Stream stream, string name)
    {
        long length = stream.Length - stream.Position;
        if (length < ModelFormat.HeaderLength || length > ModelFormat.HeaderLength + ModelFormat.MaxPayloadBytes)
            throw new ModelFormatException($"{name}: not an Extractor model file ({length} bytes)");
        var memory = TableMemory.Of(stream, (int)length);
        if (stream is not UnmanagedMemoryStream) stream.Dispose();
        return Read(memory, name);
    }

    private static NerModel Read(TableMemory memory, string name)
    {
        var header = memory.Bytes;
        CheckHeader(header, name);
        long length = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        int payloadLength = memory.Length - ModelFormat.HeaderLength;
        if (length != payloadLength)
            throw new ModelFormatException($"{name}: truncated or padded model file (payload is {payloadLength} bytes, header says {length})");
        // The checksum runs beside the parse; format 5's reads words (~1 ms for the shipped model), the older ones bytes.
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        ModelFormat.ChecksumOf checksumOf = version >= 5 ? ModelFormat.WideChecksum : ModelFormat.Checksum;
        return ModelFormat.ParseChecked(() => checksumOf(memory.Bytes[ModelFormat.HeaderLength..]) == checksum, name,
            () => ReadPayload(memory, version, name));
    }

    private static NerModel ReadPayload(TableMemory memory, int version, string name)
    {
        int limit = memory.Length - ModelFormat.HeaderLength;
        using var r = new BinaryReader(memory.OpenStream(ModelFormat.HeaderLength, limit), Encoding.UTF8);
        var info = new ModelInfo(r.ReadString(), DateTime.FromBinary(r.ReadInt64()), r.ReadString(), r.ReadString(), r.ReadDouble());
        int labels = r.ReadByte();
        var names = new string[labels];
        for (int i = 0; i < labels; i++) names[i] = r.ReadString();
        if (!names.SequenceEqual(ModelFormat.Labels))
            throw new ModelFormatException($"{name}: label set {string.Join(",", names)} differs from {string.Join(",", ModelFormat.Labels)}");
        int classCount = Checked(r.ReadInt32(), limit, name);
        Task<WordClassTable>? classes = null;
        if (classCount > 0)
        {
            int length = Checked(r.ReadInt32(), limit, name);
            int start = ModelFormat.HeaderLength + (int)r.BaseStream.Position;
            if (r.BaseStream.Position + length > limit) throw new EndOfStreamException("word class table runs past the end");
            r.BaseStream.Seek(length, SeekOrigin.Current);
            // Format 5 stores the classes as the tagger reads them: checking them is a pass over the arrays. Older files
            // parse their words (over 100k, the longest part of the load) on another core while this one reads on.
            classes = version >= 5 ? Task.FromResult(ViewClasses(memory, start, length, classCount))
                : Task.Run(() => ReadClasses(memory.Bytes.Slice(start, length).ToArray(), classCount));
        }
        var lists = version >= 3 ? ReadLists(r, memory, version, limit) : null;
        int stages = r.ReadByte();
        if (stages is not (1 or 2)) throw new ModelFormatException($"{name}: corrupt model file ({stages} stages)");
        var first = ReadStage(r, memory, version, limit, name);
        var second = stages == 2 ? ReadStage(r, memory, version, limit, name) : null;
        var calibrator = version >= 4 ? ReadCalibrator(r, limit, name) : null;
        var paired = version >= 5 ? ReadPairedWeights(r, memory, first, second, name) : null;
        return new NerModel(info, first, second, classes?.GetAwaiter().GetResult(), lists, calibrator) { PairedWeights = paired };
    }

    /// <summary>The stages' stored scoring table (format 5), when the file has one; only for stages that pair.</summary>
    private static WeightTable? ReadPairedWeights(BinaryReader r, TableMemory memory, PerceptronModel first, PerceptronModel? second, string name)
    {
        if (!r.ReadBoolean()) return null;
        if (second is null || !StagePair.Pairs(first, second))
            throw new ModelFormatException($"{name}: corrupt model file (a paired scoring table for stages that do not pair)");
        int p = ModelFormat.HeaderLength + (int)r.BaseStream.Position;
        var table = WeightTable.Load(memory, ref p, first.Tags.Count);
        r.BaseStream.Seek(p - ModelFormat.HeaderLength, SeekOrigin.Begin);
        return table;
    }

    /// <summary>The mention calibrator, when the file has one; its features must be the ones this build computes.</summary>
    private static MentionCalibrator? ReadCalibrator(BinaryReader r, int limit, string name)
    {
        if (!r.ReadBoolean()) return null;
        string description = r.ReadString();
        int count = Checked(r.ReadInt32(), limit, name);
        var names = new string[count];
        for (int i = 0; i < count; i++) names[i] = r.ReadString();
        if (!names.SequenceEqual(MentionEvidence.Names))
            throw new ModelFormatException($"{name}: the calibrator reads evidence ({string.Join(",", names)}) that this build does not compute; refit it with extractor-calibrate");
        var weights = new float[count];
        for (int i = 0; i < count; i++) weights[i] = r.ReadSingle();
        float bias = r.ReadSingle();
        int steps = Checked(r.ReadInt32(), limit, name);
        var from = new float[steps];
        var to = new float[steps];
        for (int i = 0; i < steps; i++) from[i] = r.ReadSingle();
        for (int i = 0; i < steps; i++) to[i] = r.ReadSingle();
        try
        {
            return new MentionCalibrator(description, weights, bias, from, to);
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{name}: corrupt calibrator ({e.Message})");
        }
    }

    /// <summary>The phrase lists: their table is viewed in place (format 5, where it starts on a multiple of 8 bytes) or
    /// copied straight from the bytes (little-endian, as written).</summary>
    private static PhraseLists? ReadLists(BinaryReader r, TableMemory memory, int version, int limit)
    {
        int count = r.ReadByte();
        if (count == 0) return null;
        if (count > PhraseLists.MaxLists) throw new FormatException($"{count} phrase lists, more than {PhraseLists.MaxLists}");
        var names = new string[count];
        var counts = new int[count];
        for (int l = 0; l < count; l++) { names[l] = r.ReadString(); counts[l] = r.ReadInt32(); }
        int at = ModelFormat.HeaderLength + (int)r.BaseStream.Position;
        if (version >= 5)
        {
            var keys = memory.ReadBlock<ulong>(ref at, "phrase list key");
            var values = memory.ReadBlock<uint>(ref at, "phrase list value");
            r.BaseStream.Seek(at - ModelFormat.HeaderLength, SeekOrigin.Begin);
            return new PhraseLists(names, counts, keys, values);
        }
        int size = r.ReadInt32();
        at += 4;
        if (size <= 0 || (size & (size - 1)) != 0 || (long)size * 12 > limit) throw new FormatException($"phrase list table of {size} slots");
        if (at + (long)size * 12 > ModelFormat.HeaderLength + limit) throw new EndOfStreamException("phrase list table runs past the end");
        var bytes = memory.Bytes;
        var oldKeys = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes.Slice(at, size * 8)).ToArray();
        var oldValues = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes.Slice(at + size * 8, size * 4)).ToArray();
        r.BaseStream.Seek(size * 12L, SeekOrigin.Current);
        return new PhraseLists(names, counts, oldKeys, oldValues);
    }

    /// <summary>Format 5's word classes, viewed in place: the distinct paths, then blocks of each word's start (one more
    /// than words), each word's path index, the words' characters (UTF-16) and the index's slots.</summary>
    private static WordClassTable ViewClasses(TableMemory memory, int offset, int length, int wordCount)
    {
        using var r = new BinaryReader(memory.OpenStream(offset, length), Encoding.UTF8);
        int pathCount = r.ReadInt32();
        if (pathCount < 0 || pathCount > length) throw new FormatException($"word class table counts out of range ({pathCount} paths)");
        var paths = new string[pathCount];
        for (int i = 0; i < paths.Length; i++) paths[i] = r.ReadString();
        int p = offset + (int)r.BaseStream.Position;
        var start = memory.ReadBlock<int>(ref p, "word start");
        var clusters = memory.ReadBlock<int>(ref p, "word class");
        var chars = memory.ReadBlock<char>(ref p, "word character");
        var slots = memory.ReadBlock<int>(ref p, "word index slot");
        if (p != offset + length) throw new FormatException("the word class table does not fill its section");
        if (start.Length != wordCount + 1 || clusters.Length != wordCount)
            throw new FormatException($"the word class table has {start.Length} starts and {clusters.Length} classes for {wordCount} words");
        return new WordClassTable(new WordIndex(chars, start, slots), clusters, paths);
    }

    /// <summary>Formats 2 to 4's word classes: the distinct paths, each word's length and path index as 7-bit numbers,
    /// and the words as one UTF-8 run; the index is built here.</summary>
    private static WordClassTable ReadClasses(byte[] section, int wordCount)
    {
        int length = section.Length;
        using var r = new BinaryReader(new MemoryStream(section, writable: false), Encoding.UTF8);
        int pathCount = r.ReadInt32();
        // Each path and each word takes at least a byte of the section: larger counts are damage, not a reason to allocate.
        if (pathCount < 0 || pathCount > length || wordCount > length) throw new FormatException($"word class table counts out of range ({pathCount} paths, {wordCount} words)");
        var paths = new string[pathCount];
        for (int i = 0; i < paths.Length; i++) paths[i] = r.ReadString();
        var start = new int[wordCount + 1];
        var clusters = new int[wordCount];
        var data = section.AsSpan();
        int p = (int)r.BaseStream.Position;
        for (int w = 0; w < wordCount; w++)
        {
            start[w + 1] = checked(start[w] + Read7BitEncodedInt(data, ref p));
            clusters[w] = Read7BitEncodedInt(data, ref p);
        }
        int textLength = BinaryPrimitives.ReadInt32LittleEndian(data[p..]);
        p += 4;
        if (textLength < 0 || p + textLength > length) throw new EndOfStreamException("word class table runs past its section");
        var text = data.Slice(p, textLength);
        // Decoded in one go; a damaged byte would change the length and is caught here.
        var chars = new char[Encoding.UTF8.GetCharCount(text)];
        Encoding.UTF8.GetChars(text, chars);
        if (chars.Length != start[wordCount])
            throw new FormatException($"the word class table's words are {chars.Length} characters, its lengths add up to {start[wordCount]}");
        return new WordClassTable(new WordIndex(chars, start), clusters, paths);
    }

    /// <summary>A <see cref="BinaryWriter.Write7BitEncodedInt"/> value read from <paramref name="data"/> at <paramref name="p"/>, which it advances.</summary>
    private static int Read7BitEncodedInt(ReadOnlySpan<byte> data, ref int p)
    {
        uint value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = data[p++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return (int)value;
        }
        throw new FormatException("a 7-bit encoded number runs past five bytes");
    }

    private static PerceptronModel ReadStage(BinaryReader r, TableMemory memory, int version, int limit, string name)
    {
        var encoding = (TagEncoding)r.ReadByte();
        if (encoding is not (TagEncoding.Bio or TagEncoding.Bilou)) throw new ModelFormatException($"{name}: unknown tag encoding {(int)encoding}");
        var features = (FeatureSet)r.ReadUInt32();
        float temperature = r.ReadSingle();
        var tags = new TagSet(encoding);
        int t = r.ReadInt32();
        if (t != tags.Count) throw new ModelFormatException($"{name}: {t} tags do not match the {encoding} encoding");
        var transitions = ReadFloats(r, t * t);
        var start = ReadFloats(r, t);
        var end = ReadFloats(r, t);
        // The ids and the rows (about a million values a stage) are viewed in place (format 5) or read straight from the
        // bytes, not one BinaryReader call each; the rows stay as stored until something asks for dense weights.
        int at = ModelFormat.HeaderLength + (int)r.BaseStream.Position;
        FeatureIndex index;
        if (version >= 5)
        {
            var ids = memory.ReadBlock<ulong>(ref at, "feature id");
            index = new FeatureIndex(ids, memory.ReadBlock<int>(ref at, "feature index slot"));
        }
        else
        {
            int count = Checked(BinaryPrimitives.ReadInt32LittleEndian(memory.Bytes[at..]), limit / 8, name);
            at += 4;
            if (at + (long)count * 8 > memory.Length) throw new EndOfStreamException("feature ids run past the end");
            var ids = new ulong[count];
            var data = memory.Bytes.Slice(at, count * 8);
            for (int i = 0; i < count; i++) ids[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(8 * i)..]);
            at += count * 8;
            index = new FeatureIndex(ids);
        }
        if (at + 4 > memory.Length) throw new EndOfStreamException("stage runs past the end");
        float scale = BinaryPrimitives.ReadSingleLittleEndian(memory.Bytes[at..]);
        at += 4;
        var rows = QuantizedRows.Read(memory, at, index.Count, t, scale, out int rowBytes);
        r.BaseStream.Seek(at + rowBytes - ModelFormat.HeaderLength, SeekOrigin.Begin);
        return new PerceptronModel(tags, features, index, rows, transitions, start, end, temperature);
    }

    private static float[] ReadFloats(BinaryReader r, int n)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++) values[i] = r.ReadSingle();
        return values;
    }

    private static int Checked(int count, int limit, string name) =>
        count < 0 || count > limit ? throw new ModelFormatException($"{name}: corrupt model file (count {count} out of range)") : count;
}
