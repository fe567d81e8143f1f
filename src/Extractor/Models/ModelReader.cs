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
        Read(ModelFormat.ReadFile(path, ModelFormat.HeaderLength, (header, name) =>
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
    public static ModelInfo ReadInfo(ReadOnlySpan<byte> start, string name)
    {
        CheckHeader(start, name);
        try
        {
            using var r = new BinaryReader(new MemoryStream(start[ModelFormat.HeaderLength..].ToArray(), writable: false), Encoding.UTF8);
            return new ModelInfo(r.ReadString(), DateTime.FromBinary(r.ReadInt64()), r.ReadString(), r.ReadString(), r.ReadDouble());
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            throw new ModelFormatException($"{name}: corrupt model file ({e.Message})");
        }
    }

    /// <summary>Reads a model from its bytes; <paramref name="name"/> names it in errors.</summary>
    public static NerModel Read(ReadOnlySpan<byte> bytes, string name) => Read(bytes.ToArray(), name);

    private static NerModel Read(byte[] bytes, string name)
    {
        var header = bytes.AsSpan();
        CheckHeader(header, name);
        long length = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        int payloadLength = bytes.Length - ModelFormat.HeaderLength;
        if (length != payloadLength)
            throw new ModelFormatException($"{name}: truncated or padded model file (payload is {payloadLength} bytes, header says {length})");
        // The checksum (~4 ms, one byte at a time) runs beside the parse.
        return ModelFormat.ParseChecked(bytes, ModelFormat.HeaderLength, checksum, name, () => ReadPayload(bytes, name));
    }

    private static NerModel ReadPayload(byte[] bytes, string name)
    {
        int limit = bytes.Length - ModelFormat.HeaderLength;
        using var r = new BinaryReader(new MemoryStream(bytes, ModelFormat.HeaderLength, limit, writable: false), Encoding.UTF8);
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
            // The word classes (over 100k words, the longest part of the load) are parsed on another core while
            // this one reads the stages behind them.
            int length = Checked(r.ReadInt32(), limit, name);
            int start = ModelFormat.HeaderLength + (int)r.BaseStream.Position;
            if (r.BaseStream.Position + length > limit) throw new EndOfStreamException("word class table runs past the end");
            r.BaseStream.Seek(length, SeekOrigin.Current);
            classes = Task.Run(() => ReadClasses(bytes, start, length, classCount));
        }
        var lists = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)) >= 3 ? ReadLists(r, bytes, limit) : null;
        int stages = r.ReadByte();
        if (stages is not (1 or 2)) throw new ModelFormatException($"{name}: corrupt model file ({stages} stages)");
        var first = ReadStage(r, bytes, limit, name);
        var second = stages == 2 ? ReadStage(r, bytes, limit, name) : null;
        var calibrator = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)) >= 4 ? ReadCalibrator(r, limit, name) : null;
        return new NerModel(info, first, second, classes?.GetAwaiter().GetResult(), lists, calibrator);
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

    /// <summary>The phrase lists: their table is copied straight from the bytes (little-endian, as written).</summary>
    private static PhraseLists? ReadLists(BinaryReader r, byte[] bytes, int limit)
    {
        int count = r.ReadByte();
        if (count == 0) return null;
        if (count > PhraseLists.MaxLists) throw new FormatException($"{count} phrase lists, more than {PhraseLists.MaxLists}");
        var names = new string[count];
        var counts = new int[count];
        for (int l = 0; l < count; l++) { names[l] = r.ReadString(); counts[l] = r.ReadInt32(); }
        int size = r.ReadInt32();
        if (size <= 0 || (size & (size - 1)) != 0 || (long)size * 12 > limit) throw new FormatException($"phrase list table of {size} slots");
        int at = ModelFormat.HeaderLength + (int)r.BaseStream.Position;
        if (at + (long)size * 12 > ModelFormat.HeaderLength + limit) throw new EndOfStreamException("phrase list table runs past the end");
        var keys = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan(at, size * 8)).ToArray();
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes.AsSpan(at + size * 8, size * 4)).ToArray();
        r.BaseStream.Seek(size * 12L, SeekOrigin.Current);
        return new PhraseLists(names, counts, keys, values);
    }

    private static WordClassTable ReadClasses(byte[] bytes, int offset, int length, int wordCount)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, offset, length, writable: false), Encoding.UTF8);
        int pathCount = r.ReadInt32();
        // Each path and each word takes at least a byte of the section: larger counts are damage, not a reason to allocate.
        if (pathCount < 0 || pathCount > length || wordCount > length) throw new FormatException($"word class table counts out of range ({pathCount} paths, {wordCount} words)");
        var paths = new string[pathCount];
        for (int i = 0; i < paths.Length; i++) paths[i] = r.ReadString();
        var start = new int[wordCount + 1];
        var clusters = new int[wordCount];
        var section = bytes.AsSpan(offset, length);
        int p = (int)r.BaseStream.Position;
        for (int w = 0; w < wordCount; w++)
        {
            start[w + 1] = checked(start[w] + Read7BitEncodedInt(section, ref p));
            clusters[w] = Read7BitEncodedInt(section, ref p);
        }
        int textLength = BinaryPrimitives.ReadInt32LittleEndian(section[p..]);
        p += 4;
        if (textLength < 0 || p + textLength > length) throw new EndOfStreamException("word class table runs past its section");
        var text = section.Slice(p, textLength);
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

    private static PerceptronModel ReadStage(BinaryReader r, byte[] bytes, int limit, string name)
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
        int count = Checked(r.ReadInt32(), limit / 8, name);
        // The ids and weights (about a million values a stage) are read straight from the bytes rather than one
        // BinaryReader call each: 12 -> 8 ms for the two stages, which every start-up waits for.
        int at = ModelFormat.HeaderLength + (int)r.BaseStream.Position;
        var data = bytes.AsSpan(at, ModelFormat.HeaderLength + limit - at);
        var ids = new ulong[count];
        for (int i = 0; i < count; i++) ids[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(8 * i)..]);
        int p = 8 * count;
        float scale = BinaryPrimitives.ReadSingleLittleEndian(data[p..]);
        p += 4;
        var weights = new float[count * t];
        for (int row = 0; row < count; row++)
        {
            uint mask = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]);
            p += 4;
            if (mask >> t != 0) throw new FormatException($"weight row {row} names tags past the {t} there are");
            for (; mask != 0; mask &= mask - 1)
            {
                weights[row * t + BitOperations.TrailingZeroCount(mask)] = BinaryPrimitives.ReadInt16LittleEndian(data[p..]) * scale;
                p += 2;
            }
        }
        r.BaseStream.Seek(p, SeekOrigin.Current);
        return new PerceptronModel(tags, features, new FeatureIndex(ids), weights, transitions, start, end, temperature);
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
