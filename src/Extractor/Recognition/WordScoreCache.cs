using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Extractor.Recognition;

/// <summary>Per word type, the summed weights of its word-only features at each window offset, for one stage.</summary>
/// <remarks>
/// Three in four of a token's features read nothing but one word's own text (<see cref="FeatureExtractor.ExtractWord"/>),
/// and news text repeats its words: "the", "said", "Reuters" and most names come back many times in a batch.
/// Summing those weights once per word type, instead of probing the weight table for each of ~40 features
/// at every occurrence, replaces most of tagging's random memory reads with one probe and a short vector add.
/// Entries are computed the same way whenever they are computed, so output does not depend on what the
/// cache held before (documents, threads, order). One per thread and stage; not thread-safe.
/// </remarks>
internal sealed class WordScoreCache
{
    private const int Reach = FeatureExtractor.WindowReach;

    /// <summary>Offsets −Reach…+Reach.</summary>
    public const int Offsets = 2 * Reach + 1;

    /// <summary>Word types kept before the cache starts over (11 MB of scores a stage at 17 tags).</summary>
    /// <remarks>The benchmark's 2,163 BBC articles (977k tokens) hold 37,835 word types: the most frequent 32,768
    /// cover 99.5% of the tokens, the most frequent 8,192 only 93%.</remarks>
    public const int DefaultCapacity = 1 << 15;

    private readonly int _capacity;

    private readonly PerceptronModel _model;
    private readonly FeatureExtractor _extractor;
    private readonly int _tags;
    private readonly int _stride;
    private readonly ulong[] _features = new ulong[FeatureExtractor.MaxFeatures];
    private readonly float[] _leftPad;
    private readonly float[] _rightPad;
    private ulong[] _keys = new ulong[1024];
    private int[] _rows = new int[1024];
    private float[] _scores;
    private int _count;

    /// <summary>An empty cache for <paramref name="model"/> scored with the features of <paramref name="extractor"/>,
    /// holding up to <paramref name="capacity"/> word types.</summary>
    public WordScoreCache(PerceptronModel model, FeatureExtractor extractor, int capacity = DefaultCapacity)
    {
        _capacity = capacity;
        _model = model;
        _extractor = extractor;
        _tags = model.Tags.Count;
        _stride = Offsets * _tags;
        _scores = new float[Math.Min(256, capacity) * _stride];
        _leftPad = new float[_stride];
        _rightPad = new float[_stride];
        Compute(FeatureExtractor.LeftPad, _leftPad);
        Compute(FeatureExtractor.RightPad, _rightPad);
    }

    /// <summary>Whether this cache holds scores of <paramref name="model"/> under <paramref name="extractor"/>'s features.</summary>
    public bool Serves(PerceptronModel model, FeatureExtractor extractor) =>
        ReferenceEquals(model, _model) && ReferenceEquals(extractor, _extractor);

    /// <summary>Adds every word-only feature's weights into a sentence's emissions (<c>n × tags</c>), padding included.</summary>
    public void AddTo(ReadOnlySpan<TokenInfo> words, Span<float> emissions)
    {
        int n = words.Length, t = _tags;
        for (int j = 0; j < n; j++)
        {
            var scores = Of(words[j]);
            // Word j sits at offset d of token j − d.
            for (int d = -Reach; d <= Reach; d++)
            {
                int i = j - d;
                if ((uint)i < (uint)n) Add(emissions.Slice(i * t, t), scores.Slice((d + Reach) * t, t));
            }
        }
        // Tokens near the edges see padding where the window leaves the sentence.
        for (int i = 0; i < Math.Min(Reach, n); i++)
            for (int d = -Reach; d < -i; d++)
                Add(emissions.Slice(i * t, t), _leftPad.AsSpan((d + Reach) * t, t));
        for (int i = Math.Max(0, n - Reach); i < n; i++)
            for (int d = n - i; d <= Reach; d++)
                Add(emissions.Slice(i * t, t), _rightPad.AsSpan((d + Reach) * t, t));
    }

    /// <summary>The word's scores at offsets −Reach…+Reach, <c>tags</c> each, computed on first sight.</summary>
    private ReadOnlySpan<float> Of(in TokenInfo word)
    {
        ulong key = KeyOf(word);
        int mask = _keys.Length - 1;
        int slot = (int)key & mask;
        while (true)
        {
            ulong k = _keys[slot];
            if (k == key) return _scores.AsSpan(_rows[slot] * _stride, _stride);
            if (k == 0) break;
            slot = (slot + 1) & mask;
        }
        if (_count == _capacity)
        {
            // Starting over keeps memory bounded; the words that matter come straight back.
            Array.Clear(_keys);
            _count = 0;
            slot = (int)key & mask;
            while (_keys[slot] != 0) slot = (slot + 1) & mask;
        }
        else if (2 * (_count + 1) > _keys.Length)
        {
            Grow();
            mask = _keys.Length - 1;
            slot = (int)key & mask;
            while (_keys[slot] != 0) slot = (slot + 1) & mask;
        }
        int row = _count++;
        if (_scores.Length < _count * _stride) Array.Resize(ref _scores, Math.Min(_capacity, 2 * _count) * _stride);
        _keys[slot] = key;
        _rows[slot] = row;
        var scores = _scores.AsSpan(row * _stride, _stride);
        Compute(word, scores);
        return scores;
    }

    private void Compute(in TokenInfo word, Span<float> scores)
    {
        scores.Clear();
        for (int d = -Reach; d <= Reach; d++)
        {
            int count = _extractor.ExtractWord(word, d, _features);
            _model.AddScores(_features.AsSpan(0, count), scores.Slice((d + Reach) * _tags, _tags));
        }
    }

    private void Grow()
    {
        var keys = new ulong[_keys.Length * 2];
        var rows = new int[keys.Length];
        int mask = keys.Length - 1;
        for (int s = 0; s < _keys.Length; s++)
        {
            if (_keys[s] == 0) continue;
            int slot = (int)_keys[s] & mask;
            while (keys[slot] != 0) slot = (slot + 1) & mask;
            keys[slot] = _keys[s];
            rows[slot] = _rows[s];
        }
        _keys = keys;
        _rows = rows;
    }

    /// <summary>One 64-bit key over every value <see cref="FeatureExtractor.ExtractWord"/> reads (never 0, the empty slot).</summary>
    /// <remarks>The word hash alone is not enough: a Title Case headline's words are featurized as capitals
    /// but keep their own affixes and class, so "Japan" there and "JAPAN" differ.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeyOf(in TokenInfo w)
    {
        ulong h = w.Word
            + w.Lower * 0x9E3779B97F4A7C15UL
            + w.Shape * 0xC2B2AE3D27D4EB4FUL
            + w.ShortShape * 0x165667B19E3779F9UL
            + w.Prefix1 * 0xD6E8FEB86659FD93UL
            + w.Prefix2 * 0xFF51AFD7ED558CCDUL
            + w.Prefix3 * 0xC4CEB9FE1A85EC53UL
            + w.Prefix4 * 0x94D049BB133111EBUL
            + w.Suffix1 * 0xBF58476D1CE4E5B9UL
            + w.Suffix2 * 0x27D4EB2F165667C5UL
            + w.Suffix3 * 0x85EBCA77C2B2AE63UL
            + w.Suffix4 * 0xA0761D6478BD642FUL
            + (ulong)(uint)w.Cluster * 0xE7037ED1A0B428DBUL;
        h = StableHash.Mix(h);
        return h == 0 ? 1 : h;
    }

    /// <summary><c>into += from</c>, a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<float> into, ReadOnlySpan<float> from)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var target = MemoryMarshal.Cast<float, Vector<float>>(into);
            var source = MemoryMarshal.Cast<float, Vector<float>>(from);
            for (int v = 0; v < target.Length; v++) target[v] += source[v];
            k = target.Length * Vector<float>.Count;
        }
        for (; k < into.Length; k++) into[k] += from[k];
    }
}
