using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Extractor.Recognition.Features;

namespace Extractor.Recognition.Scoring;

/// <summary>Per word type, the summed weights of its word-only features at each window offset, for one stage.</summary>
/// <remarks>
/// Three in four of a token's features read nothing but one word's own text (<see cref="FeatureExtractor.ExtractWord"/>),
/// and news text repeats its words: "the", "said", "Reuters" and most names come back many times in a batch.
/// Summing those weights once per word type, instead of probing the weight table for each of ~40 features
/// at every occurrence, replaces most of tagging's random memory reads with one probe and a short vector add.
/// <para>
/// Thread-safe, and meant to be shared by every thread tagging with the stage: each word type is then summed
/// once per run rather than once per thread, and the threads read one copy of the scores instead of each
/// filling the shared L3 cache with its own. Entries are written once and never change; a full table is
/// replaced by an empty one, which callers pick up at their next sentence. Entries are computed the same way
/// whenever and by whichever thread they are computed, so output does not depend on what the cache held
/// before (documents, threads, order).
/// </para>
/// </remarks>
internal sealed class WordScoreCache
{
    private const int Reach = FeatureExtractor.WindowReach;

    /// <summary>Offsets −Reach…+Reach.</summary>
    public const int Offsets = 2 * Reach + 1;

    /// <summary>Word types kept before the cache starts over (22 MB of scores per stage at 17 tags, filled as types come).</summary>
    /// <remarks>The benchmark's 2,163 BBC articles (977k tokens) hold 37,835 word types. At 32,768 the cache started
    /// over late in that run and summed thousands of types a second time: 20% of the first pass's time in the
    /// profile. One cache serves every thread, so this is the memory that per-thread caches of half the size took
    /// on two cores.</remarks>
    public const int DefaultCapacity = 1 << 16;

    private readonly int _capacity;
    private readonly WeightTable _weights;
    private readonly PerceptronModel _model;
    private readonly FeatureExtractor _extractor;
    private readonly int _tags;
    private readonly int _stages;
    private readonly int _stageStride;
    private readonly int _stride;
    private readonly float[] _leftPad;
    private readonly float[] _rightPad;
    private InsertOnlyTable<float> _table;

    /// <summary>An empty cache for <paramref name="model"/> scored with the features of <paramref name="extractor"/>,
    /// holding up to <paramref name="capacity"/> word types.</summary>
    public WordScoreCache(PerceptronModel model, FeatureExtractor extractor, int capacity = DefaultCapacity)
        : this(model.Table, 1, model, extractor, capacity)
    {
    }

    /// <summary>An empty cache for both stages of a <see cref="WeightTable.Pair"/> table (<paramref name="first"/> being
    /// the first stage), whose word features are the same: each word type's two rows are computed together.</summary>
    public WordScoreCache(WeightTable pair, PerceptronModel first, FeatureExtractor extractor, int capacity = DefaultCapacity)
        : this(pair, 2, first, extractor, capacity)
    {
    }

    private WordScoreCache(WeightTable weights, int stages, PerceptronModel model, FeatureExtractor extractor, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _weights = weights;
        _stages = stages;
        _model = model;
        _extractor = extractor;
        _tags = model.Tags.Count;
        _stageStride = Offsets * _tags;
        _stride = stages * _stageStride;
        _table = new InsertOnlyTable<float>(capacity, _stride);
        var scratch = new Scratch();
        _leftPad = new float[_stride];
        _rightPad = new float[_stride];
        Compute(FeatureExtractor.LeftPad, _leftPad, scratch);
        Compute(FeatureExtractor.RightPad, _rightPad, scratch);
    }

    /// <summary>Whether this (single-stage) cache holds scores of <paramref name="model"/> under <paramref name="extractor"/>'s features.</summary>
    public bool Serves(PerceptronModel model, FeatureExtractor extractor) =>
        _stages == 1 && ReferenceEquals(model, _model) && ReferenceEquals(extractor, _extractor);

    /// <summary>Adds every word-only feature's weights into a sentence's emissions (<c>n × tags</c>), padding included.</summary>
    /// <param name="words">The sentence's token descriptions.</param>
    /// <param name="emissions">Its scores, added to.</param>
    /// <param name="scratch">The calling thread's working space.</param>
    /// <param name="stage">Which stage's weights, for a cache of two.</param>
    public void AddTo(ReadOnlySpan<TokenInfo> words, Span<float> emissions, Scratch scratch, int stage = 0)
    {
        // One table for the whole sentence: a replacement made meanwhile by another thread is seen next time.
        var table = Volatile.Read(ref _table);
        int n = words.Length, t = _tags, first = stage * _stageStride;
        // The sentence's words are looked up in three sweeps, so that their cache misses (a slot, then a row of
        // scores, each anywhere in megabytes) overlap instead of coming one word after another: every word's slot
        // is fetched, then every word's row, then the rows are added.
        var keys = scratch.Keys(n);
        var rows = scratch.Rows(n);
        for (int j = 0; j < n; j++)
        {
            keys[j] = KeyOf(words[j]);
            table.Prefetch(keys[j]);
        }
        for (int j = 0; j < n; j++)
        {
            int row = rows[j] = table.Find(keys[j]);
            if (row >= 0) table.PrefetchRow(row, first, _stageStride);
        }
        for (int j = 0; j < n; j++)
        {
            var scores = (rows[j] >= 0 ? table.Row(rows[j]) : Of(table, words[j], keys[j], scratch)).Slice(first, _stageStride);
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
                Add(emissions.Slice(i * t, t), _leftPad.AsSpan(first + (d + Reach) * t, t));
        for (int i = Math.Max(0, n - Reach); i < n; i++)
            for (int d = n - i; d <= Reach; d++)
                Add(emissions.Slice(i * t, t), _rightPad.AsSpan(first + (d + Reach) * t, t));
    }

    /// <summary>Word types scored since the cache last started over.</summary>
    internal int Count => Volatile.Read(ref _table).RowCount;

    /// <summary>Word types it holds before it starts over, now.</summary>
    internal int CurrentCapacity => Volatile.Read(ref _table).Capacity;

    /// <summary>Empties the cache, as filling it does (threads still reading the old table finish undisturbed).</summary>
    public void StartOver() => StartOver(_capacity);

    /// <summary>As <see cref="StartOver()"/>, holding up to <paramref name="capacity"/> word types from then on (until it
    /// starts over again at another).</summary>
    public void StartOver(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Volatile.Write(ref _table, new InsertOnlyTable<float>(capacity, _stride));
    }

    /// <summary>The word's scores at offsets −Reach…+Reach, <c>tags</c> each, computed on first sight.</summary>
    private ReadOnlySpan<float> Of(InsertOnlyTable<float> table, in TokenInfo word, ulong key, Scratch scratch)
    {
        int found = table.Find(key);
        if (found >= 0) return table.Row(found);
        if (found == InsertOnlyTable<float>.Pending)
        {
            // Another thread is computing this word right now: compute it too rather than wait.
            var own = scratch.Scores(_stride);
            Compute(word, own, scratch);
            return own;
        }
        int row = table.Reserve();
        if (row < 0)
        {
            // Full: later sentences start over in an empty table (one thread's replacement wins), and
            // threads still reading this one finish their sentence undisturbed.
            Interlocked.CompareExchange(ref _table, new InsertOnlyTable<float>(table.Capacity, _stride), table);
            var own = scratch.Scores(_stride);
            Compute(word, own, scratch);
            return own;
        }
        var scores = table.Row(row);
        Compute(word, scores, scratch);
        table.Publish(key, row);
        return scores;
    }

    /// <remarks>A new word's features are mostly rare ones, far apart in the table, and each offset's lookups waited on
    /// memory in turn (8.5% of a run over the benchmark corpus, whose ~40,000 word types each take 40 ids). So every
    /// offset's slots are fetched first, then every offset's features found (which fetches their weights), then the
    /// weights added: three waits a word instead of three an offset. Each offset's sums keep their order.</remarks>
    private void Compute(in TokenInfo word, Span<float> scores, Scratch scratch)
    {
        scores.Clear();
        var features = scratch.Features;
        Span<int> starts = stackalloc int[Offsets + 1];
        for (int d = -Reach; d <= Reach; d++)
        {
            int at = starts[d + Reach];
            starts[d + Reach + 1] = at + _extractor.ExtractWord(word, d, features.AsSpan(at));
        }
        _weights.Prefetch(features.AsSpan(0, starts[Offsets]));
        Span<int> found = stackalloc int[Offsets + 1];
        for (int o = 0; o < Offsets; o++)
            found[o + 1] = found[o] + _weights.Find(features.AsSpan(starts[o], starts[o + 1] - starts[o]), scratch.Slots.AsSpan(found[o]), scratch.Lookups);
        for (int o = 0; o < Offsets; o++)
        {
            var slots = scratch.Slots.AsSpan(found[o], found[o + 1] - found[o]);
            var second = _stages == 1 ? [] : scores.Slice(_stageStride + o * _tags, _tags);
            _weights.AddFound(slots, scores.Slice(o * _tags, _tags), second);
        }
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

    /// <summary>One calling thread's working space: feature ids, and scores for a word it does not store.</summary>
    public sealed class Scratch
    {
        private float[] _scores = [];
        private ulong[] _keys = new ulong[64];
        private int[] _rows = new int[64];

        /// <summary>A key per word of a sentence of <paramref name="n"/> words, reused.</summary>
        public Span<ulong> Keys(int n)
        {
            if (_keys.Length < n) _keys = new ulong[Math.Max(n, 2 * _keys.Length)];
            return _keys.AsSpan(0, n);
        }

        /// <summary>A row per word of a sentence of <paramref name="n"/> words, reused.</summary>
        public Span<int> Rows(int n)
        {
            if (_rows.Length < n) _rows = new int[Math.Max(n, 2 * _rows.Length)];
            return _rows.AsSpan(0, n);
        }

        /// <summary>Feature-id buffer for one word at every offset.</summary>
        public readonly ulong[] Features = new ulong[Offsets * FeatureExtractor.MaxFeatures];

        /// <summary>The table slots of those features that the model has.</summary>
        public readonly int[] Slots = new int[Offsets * FeatureExtractor.MaxFeatures];

        /// <summary>The weight table's working space for those ids.</summary>
        public readonly WeightTable.Scratch Lookups = new(FeatureExtractor.MaxFeatures);

        /// <summary>A buffer of <paramref name="stride"/> floats, reused.</summary>
        public Span<float> Scores(int stride)
        {
            if (_scores.Length < stride) _scores = new float[stride];
            return _scores.AsSpan(0, stride);
        }
    }
}
