using System.Buffers.Binary;
using System.Numerics;
using Extractor.Recognition.Features;

namespace Extractor.Recognition.Scoring;

/// <summary>A stage's weights as model files store them: one scale, and per row a bit mask of its non-zero tags followed
/// by those tags' weights as int16 multiples of the scale.</summary>
/// <remarks>A stage read from a file keeps these bytes and expands them to <c>rows × tags</c> floats only when something
/// asks for the dense weights (training, pruning, a model without a stored scoring table): tagging with a format 5 model
/// never does, which saves every start-up 8 MB of floats (issue #33). Writing such a stage back stores the same bytes.</remarks>
internal sealed class QuantizedRows
{
    private readonly Block<byte> _data;

    private QuantizedRows(int rows, int tags, float scale, Block<byte> data)
    {
        Rows = rows;
        Tags = tags;
        Scale = scale;
        _data = data;
    }

    /// <summary>Number of rows (features).</summary>
    public int Rows { get; }

    /// <summary>Weights per row.</summary>
    public int Tags { get; }

    /// <summary>What one int16 step is worth.</summary>
    public float Scale { get; }

    /// <summary>The rows as stored (mask, then the non-zero weights).</summary>
    public ReadOnlySpan<byte> Data => _data.Span;

    /// <summary>Quantizes dense <c>rows × tags</c> weights: int16 with one scale keeps 1/32767 of the largest weight, far
    /// below what moves an argmax, in half the bytes.</summary>
    public static QuantizedRows Quantize(ReadOnlySpan<float> weights, int rows, int tags)
    {
        float max = 0;
        foreach (float v in weights) max = Math.Max(max, Math.Abs(v));
        float scale = max == 0 ? 1 : max / short.MaxValue;
        var data = new MemoryStream();
        using (var w = new BinaryWriter(data))
        {
            Span<short> quantized = stackalloc short[tags];
            for (int r = 0; r < rows; r++)
            {
                uint mask = 0;
                for (int k = 0; k < tags; k++)
                {
                    quantized[k] = (short)Math.Round(weights[r * tags + k] / scale);
                    if (quantized[k] != 0) mask |= 1u << k;
                }
                w.Write(mask);
                for (int k = 0; k < tags; k++)
                    if ((mask & (1u << k)) != 0) w.Write(quantized[k]);
            }
        }
        return new QuantizedRows(rows, tags, scale, data.ToArray());
    }

    /// <summary>The <paramref name="rows"/> stored rows at byte <paramref name="offset"/> of <paramref name="memory"/> (kept, not
    /// copied), checking each mask names only the <paramref name="tags"/> tags there are and that the rows fit;
    /// <paramref name="length"/> is the bytes they take.</summary>
    /// <exception cref="FormatException">A row names a tag past the last, or the rows run past the data.</exception>
    public static QuantizedRows Read(TableMemory memory, int offset, int rows, int tags, float scale, out int length)
    {
        var data = memory.Bytes[offset..];
        int p = 0;
        for (int row = 0; row < rows; row++)
        {
            if (p + 4 > data.Length) throw new EndOfStreamException("weight rows run past the end");
            uint mask = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]);
            if (mask >> tags != 0) throw new FormatException($"weight row {row} names tags past the {tags} there are");
            p += 4 + 2 * BitOperations.PopCount(mask);
        }
        if (p > data.Length) throw new EndOfStreamException("weight rows run past the end");
        length = p;
        return new QuantizedRows(rows, tags, scale, new Block<byte>(memory, offset, p));
    }

    /// <summary>The dense <c>rows × tags</c> weights (each stored step times the scale).</summary>
    public float[] Decode()
    {
        var weights = new float[Rows * Tags];
        var data = _data.Span;
        int p = 0;
        for (int row = 0; row < Rows; row++)
        {
            uint mask = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]);
            p += 4;
            for (; mask != 0; mask &= mask - 1)
            {
                weights[row * Tags + BitOperations.TrailingZeroCount(mask)] = BinaryPrimitives.ReadInt16LittleEndian(data[p..]) * Scale;
                p += 2;
            }
        }
        return weights;
    }
}
