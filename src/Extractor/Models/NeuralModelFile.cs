using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Extractor.Recognition.Features;
using Extractor.Recognition.Neural;

namespace Extractor.Models;

/// <summary>Reads and writes the accurate tier's model file (issue #36); anything wrong becomes a
/// <see cref="ModelFormatException"/> naming the file.</summary>
/// <remarks>
/// Layout, little-endian: 8-byte magic, format version (int32), payload length (int64), payload checksum (uint64,
/// FNV-1a as <see cref="ModelFormat.Checksum"/>), then the payload: the base model's version string (its word classes
/// and lists feed the tagger), the training settings, dev F1, the base model's class fingerprint (uint64) and the
/// perceptron's weight in the decoding and the marginals' temperature (floats); the tag names; the words (count, each word's length
/// in UTF-16 code units, one UTF-8 run); vector size, the int8 vectors and one scale per word; the character code
/// points; then each tensor as an int32 length and its floats: character embeddings, convolution (filter × window ×
/// character dimension), its bias, class embeddings, each LSTM direction's input weights, indicator columns, hidden
/// weights and summed bias, the output layer and its bias, and the CRF's transitions, start and end scores.
/// Data only, like the base model: a file can be checked before anything is trusted.
/// </remarks>
internal static class NeuralModelFile
{
    public static ReadOnlySpan<byte> Magic => "EXTRNN1\0"u8;

    public const int Version = 1;

    private const int HeaderLength = 8 + 4 + 8 + 8;

    public static NeuralModel ReadFile(string path) => Read(ModelFormat.ReadFile(path, HeaderLength, CheckHeader), path);

    private static long CheckHeader(ReadOnlySpan<byte> header, string name)
    {
        if (header.Length < HeaderLength || !header[..8].SequenceEqual(Magic))
            throw new ModelFormatException($"{name}: not an Extractor accurate-tier model file (bad magic number)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version != Version)
            throw new ModelFormatException($"{name}: accurate-tier format version {version}, but this build reads version {Version}; use a matching release");
        long length = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        if (length < 0 || length > ModelFormat.MaxPayloadBytes)
            throw new ModelFormatException($"{name}: payload of {length} bytes is out of this build's range");
        return length;
    }

    public static NeuralModel Read(byte[] bytes, string name)
    {
        long length = CheckHeader(bytes, name);
        if (length != bytes.Length - HeaderLength)
            throw new ModelFormatException($"{name}: truncated or padded model file (payload is {bytes.Length - HeaderLength} bytes, header says {length})");
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(20));
        return ModelFormat.ParseChecked(bytes, HeaderLength, checksum, name, () => ReadPayload(bytes, name));
    }

    private static NeuralModel ReadPayload(byte[] bytes, string name)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, HeaderLength, bytes.Length - HeaderLength, writable: false), new UTF8Encoding(false, true));
        string baseModel = r.ReadString(), settings = r.ReadString();
        double devF1 = r.ReadDouble();
        ulong fingerprint = r.ReadUInt64();
        float perceptronWeight = r.ReadSingle();
        float temperature = r.ReadSingle();
        if (!float.IsFinite(perceptronWeight) || perceptronWeight < 0 || !float.IsFinite(temperature) || temperature <= 0)
            throw new ModelFormatException($"{name}: corrupt model file (perceptron weight {perceptronWeight}, temperature {temperature})");
        int tagCount = Count(r.ReadInt32(), 64, name);
        var tags = new Extractor.Recognition.Decoding.TagSet(Extractor.Recognition.Decoding.TagEncoding.Bilou);
        if (tagCount != tags.Count) throw new ModelFormatException($"{name}: {tagCount} tags, but this build's BILOU set has {tags.Count}");
        for (int t = 0; t < tagCount; t++)
            if (r.ReadString() != tags.NameOf(t)) throw new ModelFormatException($"{name}: tag {t} is not {tags.NameOf(t)}");
        int words = Count(r.ReadInt32(), 1 << 24, name);
        var start = new int[words + 1];
        for (int w = 0; w < words; w++) start[w + 1] = start[w] + Count(r.ReadInt32(), 1 << 16, name);
        var utf8 = r.ReadBytes(Count(r.ReadInt32(), 1 << 28, name));
        var chars = new UTF8Encoding(false, true).GetChars(utf8);
        if (chars.Length != start[^1]) throw new ModelFormatException($"{name}: corrupt model file (word lengths do not add up)");
        int dim = Count(r.ReadInt32(), 4096, name);
        var vectors = new sbyte[(long)words * dim];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vectors.AsSpan()));
        var scales = Floats(r, name, words);
        int charCount = Count(r.ReadInt32(), 1 << 20, name);
        var charIds = new Dictionary<int, int>(charCount);
        for (int c = 0; c < charCount; c++) charIds[r.ReadInt32()] = c + 2;
        int charDim = Count(r.ReadInt32(), 1024, name);
        var charEmbeddings = Floats(r, name, (charCount + 2) * charDim);
        int filters = Count(r.ReadInt32(), 4096, name);
        var conv = Floats(r, name, filters * NeuralModel.CharWindow * charDim);
        var convBias = Floats(r, name, filters);
        int classCount = Count(r.ReadInt32(), 1 << 20, name), classDim = Count(r.ReadInt32(), 1024, name);
        var classEmbeddings = Floats(r, name, classCount * classDim);
        int hidden = Count(r.ReadInt32(), 4096, name);
        int computed = dim + filters + 2 * classDim;
        LstmDirection Direction() => new(Floats(r, name, 4 * hidden * computed), Floats(r, name, NeuralInputs.DenseCount * 4 * hidden),
            Floats(r, name, 4 * hidden * hidden), Floats(r, name, 4 * hidden));
        var forward = Direction();
        var backward = Direction();
        var outWeights = Floats(r, name, tagCount * 2 * hidden);
        var outBias = Floats(r, name, tagCount);
        var transitions = Floats(r, name, tagCount * tagCount);
        var startScores = Floats(r, name, tagCount);
        var endScores = Floats(r, name, tagCount);
        if (r.BaseStream.Position != r.BaseStream.Length) throw new ModelFormatException($"{name}: corrupt model file (bytes after the last tensor)");
        return new NeuralModel
        {
            BaseModel = baseModel,
            Settings = settings,
            DevF1 = devF1,
            ClassesFingerprint = fingerprint,
            PerceptronWeight = perceptronWeight,
            Temperature = temperature,
            Words = new WordIndex(chars, start),
            VectorDim = dim,
            Vectors = vectors,
            VectorScales = scales,
            CharIds = charIds,
            CharDim = charDim,
            CharEmbeddings = charEmbeddings,
            CharFilters = filters,
            ConvWeights = conv,
            ConvBias = convBias,
            ClassCount = classCount,
            ClassDim = classDim,
            ClassEmbeddings = classEmbeddings,
            Hidden = hidden,
            Forward = forward,
            Backward = backward,
            OutWeights = outWeights,
            OutBias = outBias,
            Transitions = transitions,
            Start = startScores,
            End = endScores,
        };
    }

    /// <summary>A tensor: its stored length, which must be <paramref name="expected"/>, then its floats.</summary>
    private static float[] Floats(BinaryReader r, string name, int expected)
    {
        int n = r.ReadInt32();
        if (n != expected) throw new ModelFormatException($"{name}: corrupt model file (a tensor of {n} values where {expected} belong)");
        var values = new float[n];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static int Count(int count, int limit, string name) =>
        count < 0 || count > limit ? throw new ModelFormatException($"{name}: corrupt model file (count {count} out of range)") : count;

    /// <summary>Writes to a file, replacing it only once the whole model is written.</summary>
    public static void WriteFile(NeuralModel model, string path)
    {
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(temp)) Write(model, stream);
        File.Move(temp, full, overwrite: true);
    }

    public static void Write(NeuralModel model, Stream output)
    {
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, new UTF8Encoding(false), leaveOpen: true))
        {
            w.Write(model.BaseModel);
            w.Write(model.Settings);
            w.Write(model.DevF1);
            w.Write(model.ClassesFingerprint);
            w.Write(model.PerceptronWeight);
            w.Write(model.Temperature);
            w.Write(model.Tags.Count);
            for (int t = 0; t < model.Tags.Count; t++) w.Write(model.Tags.NameOf(t));
            var words = new StringBuilder();
            w.Write(model.Words.Count);
            for (int i = 0; i < model.Words.Count; i++)
            {
                w.Write(model.Words.Word(i).Length);
                words.Append(model.Words.Word(i));
            }
            var utf8 = Encoding.UTF8.GetBytes(words.ToString());
            w.Write(utf8.Length);
            w.Write(utf8);
            w.Write(model.VectorDim);
            w.Write(MemoryMarshal.AsBytes(model.Vectors.AsSpan()));
            Floats(w, model.VectorScales);
            var chars = model.CharIds.OrderBy(c => c.Value).ToList();
            w.Write(chars.Count);
            for (int c = 0; c < chars.Count; c++)
            {
                if (chars[c].Value != c + 2) throw new ArgumentException("character ids must run 2, 3, …", nameof(model));
                w.Write(chars[c].Key);
            }
            w.Write(model.CharDim);
            Floats(w, model.CharEmbeddings);
            w.Write(model.CharFilters);
            Floats(w, model.ConvWeights);
            Floats(w, model.ConvBias);
            w.Write(model.ClassCount);
            w.Write(model.ClassDim);
            Floats(w, model.ClassEmbeddings);
            w.Write(model.Hidden);
            foreach (var d in (LstmDirection[])[model.Forward, model.Backward])
            {
                Floats(w, d.InputWeights);
                Floats(w, d.IndicatorColumns);
                Floats(w, d.HiddenWeights);
                Floats(w, d.Bias);
            }
            Floats(w, model.OutWeights);
            Floats(w, model.OutBias);
            Floats(w, model.Transitions);
            Floats(w, model.Start);
            Floats(w, model.End);
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], bytes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[20..], ModelFormat.Checksum(bytes));
        output.Write(header);
        output.Write(bytes);
    }

    private static void Floats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
