namespace Extractor.Clustering;

/// <summary>
/// Each kept word's contexts as a sparse, L2-normalized row of positive pointwise mutual information: which words occur
/// one and two places to its left and right. The distributional view that <see cref="ContextClusterer"/> groups words by.
/// </summary>
/// <remarks>
/// Context features are the <c>contextWords</c> most frequent words at each of four offsets, plus a paragraph-edge
/// marker and a "rarer word" bucket (names tend to sit next to other rare words). Counts come from packing every
/// (word, feature) pair into a <c>long</c> and sorting, like <see cref="BigramTable"/>. PMI uses context-distribution
/// smoothing (counts to the power 0.75, Levy et al. 2015) so that rare contexts do not dominate.
/// </remarks>
internal sealed class ContextMatrix
{
    /// <summary>Offsets whose words form a token's context.</summary>
    private static readonly int[] Offsets = [-2, -1, 1, 2];

    private ContextMatrix(int features, int[] rowStart, int[] column, float[] value)
    {
        FeatureCount = features;
        RowStart = rowStart;
        Column = column;
        Value = value;
    }

    /// <summary>Number of distinct context features (columns).</summary>
    public int FeatureCount { get; }

    /// <summary>Row <c>w</c> occupies <c>RowStart[w]..RowStart[w + 1]</c> of <see cref="Column"/> and <see cref="Value"/>.</summary>
    public int[] RowStart { get; }

    /// <summary>Feature of each non-zero, ascending within a row.</summary>
    public int[] Column { get; }

    /// <summary>Weight of each non-zero; each row has unit length (or is empty).</summary>
    public float[] Value { get; }

    /// <summary>Number of rows (kept words).</summary>
    public int Rows => RowStart.Length - 1;

    /// <summary>Counts the contexts of the ranked words in <paramref name="tokens"/> and weights them.</summary>
    /// <param name="tokens">Corpus token ids with <see cref="TokenCorpus.Break"/> between paragraphs.</param>
    /// <param name="rank">Corpus id → frequency rank of kept words, or -1.</param>
    /// <param name="words">Number of kept words.</param>
    /// <param name="contextWords">How many of the most frequent words serve as context features.</param>
    /// <param name="weightingRows">Rows below this rank set the context distribution PMI compares against; rows from it on
    /// (rarer words, classed afterwards) are weighted against the same distribution without changing it. All rows when omitted.</param>
    public static ContextMatrix Build(ReadOnlySpan<int> tokens, int[] rank, int words, int contextWords, int weightingRows = int.MaxValue)
    {
        int perOffset = contextWords + 2;   // the words, then the edge marker, then the rarer-word bucket
        long occurrences = 0;
        foreach (int id in tokens) if (id != TokenCorpus.Break && rank[id] >= 0) occurrences++;
        var keys = new long[checked(occurrences * Offsets.Length)];
        long n = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            int id = tokens[i];
            if (id == TokenCorpus.Break || rank[id] < 0) continue;
            long row = (long)rank[id] << 32;
            for (int o = 0; o < Offsets.Length; o++)
            {
                int context = ContextAt(tokens, i, Offsets[o], rank, contextWords);
                keys[n++] = row | (uint)(o * perOffset + context);
            }
        }
        Array.Sort(keys);

        int features = Offsets.Length * perOffset;
        var rowStart = new int[words + 1];
        var columnTotal = new double[features];
        var rowTotal = new double[words];
        int distinct = 0;
        for (long i = 0; i < keys.LongLength; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1]) distinct++;
            int w = (int)(keys[i] >> 32);
            if (w < weightingRows) columnTotal[(int)(keys[i] & 0xFFFFFFFF)]++;
            rowTotal[w]++;
        }
        double smoothedTotal = 0;
        for (int f = 0; f < features; f++) smoothedTotal += Math.Pow(columnTotal[f], 0.75);
        var column = new int[distinct];
        var value = new float[distinct];
        int nz = 0;
        for (long i = 0; i < keys.LongLength;)
        {
            long key = keys[i];
            long j = i;
            while (j < keys.LongLength && keys[j] == key) j++;
            int w = (int)(key >> 32), f = (int)(key & 0xFFFFFFFF);
            // A context only the rarer rows have (possible once they are left out of the totals) says nothing shared.
            double pmi = columnTotal[f] > 0 ? Math.Log((j - i) / rowTotal[w] / (Math.Pow(columnTotal[f], 0.75) / smoothedTotal)) : 0;
            if (pmi > 0)
            {
                column[nz] = f;
                value[nz] = (float)pmi;
                nz++;
                rowStart[w + 1]++;
            }
            i = j;
        }
        for (int w = 0; w < words; w++) rowStart[w + 1] += rowStart[w];
        for (int w = 0; w < words; w++)
        {
            var row = value.AsSpan(rowStart[w], rowStart[w + 1] - rowStart[w]);
            double norm = 0;
            foreach (float v in row) norm += (double)v * v;
            if (norm == 0) continue;
            float scale = (float)(1 / Math.Sqrt(norm));
            for (int k = 0; k < row.Length; k++) row[k] *= scale;
        }
        return new ContextMatrix(features, rowStart, column[..nz], value[..nz]);
    }

    /// <summary>The context feature (within one offset) of the token <paramref name="offset"/> places from <paramref name="i"/>:
    /// its rank, <paramref name="contextWords"/> past a paragraph edge, or <paramref name="contextWords"/> + 1 for a rarer word.</summary>
    private static int ContextAt(ReadOnlySpan<int> tokens, int i, int offset, int[] rank, int contextWords)
    {
        int step = Math.Sign(offset);
        int at = i;
        for (int k = 0; k < Math.Abs(offset); k++)
        {
            at += step;
            if ((uint)at >= (uint)tokens.Length || tokens[at] == TokenCorpus.Break) return contextWords;
        }
        int r = rank[tokens[at]];
        return r >= 0 && r < contextWords ? r : contextWords + 1;
    }
}
