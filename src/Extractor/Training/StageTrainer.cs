using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;
using Extractor.Text;

namespace Extractor.Training;

/// <summary>Trains one perceptron stage: Collins (2002) structured perceptron with averaged weights.</summary>
/// <remarks>
/// Feature rows of every training token are extracted once up front, so an epoch is only decoding and
/// updating. Averaging uses the accumulate-timestamped-updates trick (average = w − u / c), so it costs
/// nothing per step beyond the update itself. Single-threaded and seeded: the same inputs give the same weights.
/// </remarks>
internal sealed class StageTrainer
{
    private readonly TagSet _set;
    private readonly FeatureExtractor _extractor;
    private readonly int _t;
    private readonly ulong[] _ids;
    private readonly FeatureIndex _index;
    private readonly int[] _rowStart;   // per global token: offset into _rows
    private readonly int[] _rows;
    private readonly (int Doc, Sentence Sentence, int Offset)[] _sentences;
    private readonly int[][] _gold;

    public StageTrainer(TagSet set, FeatureExtractor extractor, CorpusFeatures corpus, IReadOnlyList<int> documents, int minCount, WordDropout? dropout = null)
    {
        _set = set;
        _extractor = extractor;
        _t = set.Count;
        _gold = corpus.Gold;
        var sentences = new List<(int, Sentence, int)>();
        var counts = new Dictionary<ulong, int>();
        var order = new List<ulong>();
        var buffer = new ulong[FeatureExtractor.MaxFeatures];
        var tokenIds = new List<ulong>();
        var tokenStart = new List<int>();
        int offset = 0;
        var masking = dropout is null ? null : new WordMasking(dropout, corpus, documents, extractor);
        foreach (int d in documents)
        {
            var infos = corpus.Infos[d];
            foreach (var s in corpus.Documents[d].Sentences)
            {
                sentences.Add((d, s, offset));
                var words = infos.AsSpan(s.FirstToken, s.Count);
                var masked = masking?.Mask(words);
                for (int i = 0; i < s.Count; i++)
                {
                    tokenStart.Add(tokenIds.Count);
                    int n = masked is null ? extractor.Extract(words, i, buffer) : masking!.Extract(words, masked, i, buffer);
                    for (int k = 0; k < n; k++)
                    {
                        ulong id = buffer[k] == 0 ? 1 : buffer[k];
                        tokenIds.Add(id);
                        ref int c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, id, out bool existed);
                        if (!existed) order.Add(id);
                        c++;
                    }
                }
                offset += s.Count;
            }
        }
        tokenStart.Add(tokenIds.Count);
        _ids = order.Where(id => counts[id] >= minCount).ToArray();
        _index = new FeatureIndex(_ids);
        _sentences = [.. sentences];
        _rowStart = new int[tokenStart.Count];
        var rows = new List<int>(tokenIds.Count);
        for (int tok = 0; tok + 1 < tokenStart.Count; tok++)
        {
            _rowStart[tok] = rows.Count;
            for (int k = tokenStart[tok]; k < tokenStart[tok + 1]; k++)
            {
                int row = _index.RowOf(tokenIds[k]);
                if (row >= 0) rows.Add(row);
            }
        }
        _rowStart[^1] = rows.Count;
        _rows = [.. rows];
    }

    /// <summary>Trains for up to <paramref name="epochs"/> epochs; after each, <paramref name="evaluate"/> scores the averaged model (NaN to skip). Returns the best.</summary>
    public (PerceptronModel Model, int Epoch, double Score) Train(int epochs, int seed, FeatureSet features,
        Func<PerceptronModel, double> evaluate, Action<int, double>? onEpoch)
    {
        int t = _t;
        var w = new float[_ids.Length * t];
        var u = new double[w.Length];
        var trans = new float[t * t]; var transU = new double[t * t];
        var start = new float[t]; var startU = new double[t];
        var end = new float[t]; var endU = new double[t];
        var viterbi = new ViterbiDecoder();
        var rng = new Random(seed);
        var order = Enumerable.Range(0, _sentences.Length).ToArray();
        var emissions = new float[256 * t];
        var predicted = new int[256];
        double c = 1;
        (PerceptronModel Model, int Epoch, double Score) best = (null!, 0, double.NegativeInfinity);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (int si in order)
            {
                var (doc, sentence, offset) = _sentences[si];
                int n = sentence.Count;
                if (emissions.Length < n * t) { emissions = new float[n * t]; predicted = new int[n]; }
                var em = emissions.AsSpan(0, n * t);
                em.Clear();
                for (int i = 0; i < n; i++)
                {
                    var row = em.Slice(i * t, t);
                    for (int r = _rowStart[offset + i]; r < _rowStart[offset + i + 1]; r++)
                    {
                        var wr = w.AsSpan(_rows[r] * t, t);
                        for (int k = 0; k < t; k++) row[k] += wr[k];
                    }
                }
                var pred = predicted.AsSpan(0, n);
                viterbi.Decode(_set, trans, start, end, em, n, pred);
                var gold = _gold[doc].AsSpan(sentence.FirstToken, n);
                if (!pred.SequenceEqual(gold))
                {
                    for (int i = 0; i < n; i++)
                    {
                        if (gold[i] != pred[i])
                            for (int r = _rowStart[offset + i]; r < _rowStart[offset + i + 1]; r++)
                            {
                                int b = _rows[r] * t;
                                Bump(w, u, b + gold[i], 1, c);
                                Bump(w, u, b + pred[i], -1, c);
                            }
                        if (i > 0 && (gold[i - 1] != pred[i - 1] || gold[i] != pred[i]))
                        {
                            Bump(trans, transU, gold[i - 1] * t + gold[i], 1, c);
                            Bump(trans, transU, pred[i - 1] * t + pred[i], -1, c);
                        }
                    }
                    if (gold[0] != pred[0]) { Bump(start, startU, gold[0], 1, c); Bump(start, startU, pred[0], -1, c); }
                    if (gold[n - 1] != pred[n - 1]) { Bump(end, endU, gold[n - 1], 1, c); Bump(end, endU, pred[n - 1], -1, c); }
                }
                c++;
            }
            var model = new PerceptronModel(_set, features, _index, Average(w, u, c), Average(trans, transU, c),
                Average(start, startU, c), Average(end, endU, c), 1f);
            double score = evaluate(model);
            onEpoch?.Invoke(epoch, score);
            if (double.IsNaN(score) || score > best.Score) best = (model, epoch, double.IsNaN(score) ? best.Score : score);
        }
        return best;
    }

    private static void Bump(float[] w, double[] u, int index, int delta, double c)
    {
        w[index] += delta;
        u[index] += c * delta;
    }

    private static float[] Average(float[] w, double[] u, double c)
    {
        var avg = new float[w.Length];
        for (int i = 0; i < w.Length; i++) avg[i] = (float)(w[i] - u[i] / c);
        return avg;
    }
}
