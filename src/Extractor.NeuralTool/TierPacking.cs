using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Extractor.Models;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Recognition.Neural;

namespace Extractor.NeuralTool;

/// <summary>Turns the weights scripts/neural/train.py exports (a length-prefixed JSON header, the int8 word vectors
/// and their scales, then float32 tensors in PyTorch's layouts) into the library's accurate-tier model file, rearranged
/// for the C# forward pass: the convolution as filter × window × character, each LSTM direction's indicator inputs as
/// columns, its two biases summed. The file is read back and checked before it replaces anything.</summary>
internal static class TierPacking
{
    public static void Pack(string weightsPath, NerModel baseModel, float perceptronWeight, float temperature, string output)
    {
        var model = Read(File.ReadAllBytes(weightsPath), baseModel, perceptronWeight, temperature);
        string temp = output + ".check-" + Environment.ProcessId;
        NeuralModelFile.WriteFile(model, temp);
        try
        {
            NeuralModelFile.ReadFile(temp);
            File.Move(temp, output, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    internal static NeuralModel Read(byte[] bytes, NerModel baseModel, float perceptronWeight, float temperature)
    {
        if (bytes.Length < 8 || !bytes.AsSpan(0, 4).SequenceEqual("XNNW"u8))
            throw new InvalidDataException("not a weights file of scripts/neural/train.py (bad magic)");
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var root = header.RootElement;
        var words = root.GetProperty("words").EnumerateArray().Select(e => e.GetString()!).ToList();
        int dim = root.GetProperty("vector_dim").GetInt32();
        int p = 8 + headerLength;
        var vectors = MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan(p, words.Count * dim)).ToArray();
        p += words.Count * dim;
        var scales = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(p, words.Count * 4)).ToArray();
        p += words.Count * 4;
        var tensors = new Dictionary<string, (int[] Shape, float[] Values)>();
        foreach (var t in root.GetProperty("tensors").EnumerateArray())
        {
            var shape = t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            int count = shape.Aggregate(1, (a, b) => a * b), offset = p + t.GetProperty("offset").GetInt32();
            tensors[t.GetProperty("name").GetString()!] = (shape, MemoryMarshal.Cast<byte, float>(bytes.AsSpan(offset, count * 4)).ToArray());
        }
        var charIds = new Dictionary<int, int>();
        int id = 2;
        foreach (var c in root.GetProperty("chars").EnumerateArray()) charIds[char.ConvertToUtf32(c.GetString()!, 0)] = id++;
        var (convShape, conv) = tensors["conv.weight"];
        int filters = convShape[0], charDim = convShape[1], window = convShape[2];
        if (window != NeuralModel.CharWindow) throw new InvalidDataException($"character window {window}, but the tagger reads {NeuralModel.CharWindow}");
        var convFkc = new float[conv.Length];
        for (int f = 0; f < filters; f++)
            for (int c = 0; c < charDim; c++)
                for (int k = 0; k < window; k++)
                    convFkc[(f * window + k) * charDim + c] = conv[(f * charDim + c) * window + k];
        var (classShape, classes) = tensors["classes.weight"];
        // The forward pass takes row 0 of both tables (no class; the padding beyond a word's ends) as zeros, as
        // PyTorch's padding_idx keeps them.
        if (classes.AsSpan(0, classShape[1]).ContainsAnyExcept(0f) || tensors["chars.weight"].Values.AsSpan(0, charDim).ContainsAnyExcept(0f))
            throw new InvalidDataException("row 0 of the class or character table is not zero");
        int hidden = tensors["lstm.weight_hh_l0"].Shape[1];
        int computed = dim + filters + 2 * classShape[1];
        LstmDirection Direction(string suffix)
        {
            var (ihShape, ih) = tensors["lstm.weight_ih_l0" + suffix];
            if (ihShape[1] != computed + NeuralInputs.DenseCount)
                throw new InvalidDataException($"LSTM inputs {ihShape[1]}, but the tagger computes {computed} and {NeuralInputs.DenseCount} indicators");
            int rows = 4 * hidden, cols = ihShape[1];
            var input = new float[rows * computed];
            var columns = new float[NeuralInputs.DenseCount * rows];
            for (int r = 0; r < rows; r++)
            {
                ih.AsSpan(r * cols, computed).CopyTo(input.AsSpan(r * computed));
                for (int k = 0; k < NeuralInputs.DenseCount; k++) columns[k * rows + r] = ih[r * cols + computed + k];
            }
            var bias = tensors["lstm.bias_ih_l0" + suffix].Values.Zip(tensors["lstm.bias_hh_l0" + suffix].Values, (a, b) => a + b).ToArray();
            return new LstmDirection(input, columns, tensors["lstm.weight_hh_l0" + suffix].Values, bias);
        }
        var tags = root.GetProperty("tags").EnumerateArray().Select(e => e.GetString()!).ToList();
        var set = new Extractor.Recognition.Decoding.TagSet(Extractor.Recognition.Decoding.TagEncoding.Bilou);
        if (tags.Count != set.Count || tags.Where((t, i) => t != set.NameOf(i)).Any())
            throw new InvalidDataException($"tags {string.Join(' ', tags)} are not this build's BILOU order");
        return new NeuralModel
        {
            BaseModel = baseModel.Info.Version,
            ClassesFingerprint = NeuralInputs.Fingerprint(baseModel.Classes, baseModel.Lists),
            PerceptronWeight = perceptronWeight,
            Temperature = temperature,
            Settings = root.GetProperty("settings").GetRawText(),
            DevF1 = root.GetProperty("dev_f1").GetDouble(),
            Words = WordIndex.Of(words),
            VectorDim = dim,
            Vectors = vectors,
            VectorScales = scales,
            CharIds = charIds,
            CharDim = charDim,
            CharEmbeddings = tensors["chars.weight"].Values,
            CharFilters = filters,
            ConvWeights = convFkc,
            ConvBias = tensors["conv.bias"].Values,
            ClassCount = classShape[0],
            ClassDim = classShape[1],
            ClassEmbeddings = classes,
            Hidden = hidden,
            Forward = Direction(""),
            Backward = Direction("_reverse"),
            OutWeights = tensors["out.weight"].Values,
            OutBias = tensors["out.bias"].Values,
            Transitions = tensors["crf.trans"].Values,
            Start = tensors["crf.start"].Values,
            End = tensors["crf.end"].Values,
        };
    }
}
