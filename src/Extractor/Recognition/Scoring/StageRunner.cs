using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Text;

namespace Extractor.Recognition.Scoring;

/// <summary>Runs one perceptron stage over a featurized document, sentence by sentence, reusing its buffers.</summary>
/// <remarks>Shared by inference and by training's dev evaluation so both decode identically. One per thread;
/// the word-score caches it is given may be shared by all of them.</remarks>
internal sealed class StageRunner(params WordScoreCache[] shared)
{
    private readonly ulong[] _features = new ulong[FeatureExtractor.MaxFeatures];
    private readonly WeightTable.Scratch _scratch = new(FeatureExtractor.MaxFeatures);
    // The table slots of the current token's features and of the next token's (see AddContextScores).
    private int[] _found = new int[FeatureExtractor.MaxFeatures];
    private int[] _foundNext = new int[FeatureExtractor.MaxFeatures];
    private readonly ViterbiDecoder _viterbi = new();
    private readonly WordScoreCache.Scratch _wordScratch = new();
    // Own caches, for stages no shared cache serves: one per stage, since tagging alternates between the two
    // passes' models document by document.
    private readonly WordScoreCache?[] _caches = new WordScoreCache?[2];
    private int _nextCache;
    private float[] _emissions = new float[1024];
    // A two-pass model's second-stage scores, whole document, between the two passes.
    private float[] _pending = new float[1024];

    /// <summary>Writes each token's tag into <paramref name="tags"/>, and when <paramref name="confidence"/> is not empty, its confidence.</summary>
    public void Tag(PerceptronModel model, FeatureExtractor extractor, ReadOnlySpan<TokenInfo> infos,
        ReadOnlySpan<Sentence> sentences, Span<int> tags, Span<float> confidence)
    {
        int t = model.Tags.Count;
        foreach (var sentence in sentences)
        {
            int n = sentence.Count;
            if (n == 0) continue;
            var emissions = Emissions(model, extractor, infos[sentence.FirstToken..sentence.EndToken], n, t);
            var sentenceTags = tags[sentence.FirstToken..sentence.EndToken];
            _viterbi.Decode(model, emissions, n, sentenceTags);
            // Confidences are read only inside mentions: a sentence without one needs no forward-backward.
            if (!confidence.IsEmpty && sentenceTags.ContainsAnyExcept(TagSet.Outside))
                _viterbi.Confidences(model, emissions, n, sentenceTags, confidence[sentence.FirstToken..sentence.EndToken]);
        }
    }

    /// <summary>The first pass of a two-pass model: writes its tags into <paramref name="tags"/>, and keeps the second
    /// stage's context scores, summed meanwhile, for <see cref="TagSecondOfPair"/> on the same document.</summary>
    public void TagFirstOfPair(StagePair pair, ReadOnlySpan<TokenInfo> infos, ReadOnlySpan<Sentence> sentences, Span<int> tags)
    {
        int t = pair.First.Tags.Count;
        var weights = pair.Weights;
        var words = pair.Words;
        // An eighth more than asked, not twice: parts of a long document are all near the most a part holds, and
        // doubling to fit the first of them made this 4.5 MB where 2.2 MB holds any.
        if (_pending.Length < infos.Length * t) _pending = new float[infos.Length * t + infos.Length * t / 8];
        var pending = _pending.AsSpan(0, infos.Length * t);
        pending.Clear();
        foreach (var sentence in sentences)
        {
            int n = sentence.Count;
            if (n == 0) continue;
            if (_emissions.Length < n * t) _emissions = new float[Math.Max(n * t, _emissions.Length * 2)];
            var emissions = _emissions.AsSpan(0, n * t);
            emissions.Clear();
            var sentenceWords = infos[sentence.FirstToken..sentence.EndToken];
            AddContextScores(weights, pair.FirstExtractor, secondPass: false, sentenceWords, emissions,
                pending.Slice(sentence.FirstToken * t, n * t), t);
            words.AddTo(sentenceWords, emissions, _wordScratch, 0);
            _viterbi.Decode(pair.First, emissions, n, tags[sentence.FirstToken..sentence.EndToken]);
        }
    }

    /// <summary>The second pass of a two-pass model, after <see cref="TagFirstOfPair"/> and the first pass's labels are in
    /// <paramref name="infos"/>: writes the tags and, when <paramref name="confidence"/> is not empty, their confidences.</summary>
    public void TagSecondOfPair(StagePair pair, ReadOnlySpan<TokenInfo> infos, ReadOnlySpan<Sentence> sentences, Span<int> tags,
        Span<float> confidence)
    {
        int t = pair.Second.Tags.Count;
        var weights = pair.Weights;
        var words = pair.Words;
        var pending = _pending.AsSpan(0, infos.Length * t);
        foreach (var sentence in sentences)
        {
            int n = sentence.Count;
            if (n == 0) continue;
            var emissions = pending.Slice(sentence.FirstToken * t, n * t);
            var sentenceWords = infos[sentence.FirstToken..sentence.EndToken];
            AddContextScores(weights, pair.SecondExtractor, secondPass: true, sentenceWords, [], emissions, t);
            words.AddTo(sentenceWords, emissions, _wordScratch, 1);
            var sentenceTags = tags[sentence.FirstToken..sentence.EndToken];
            _viterbi.Decode(pair.Second, emissions, n, sentenceTags);
            if (!confidence.IsEmpty && sentenceTags.ContainsAnyExcept(TagSet.Outside))
                _viterbi.Confidences(pair.Second, emissions, n, sentenceTags, confidence[sentence.FirstToken..sentence.EndToken]);
        }
    }

    /// <summary>Adds each of a sentence's tokens' context features' weights from a pair's <paramref name="weights"/>: the
    /// first stage's into <paramref name="first"/> and the second's into <paramref name="second"/> (<c>words × tags</c>
    /// each; an empty one is skipped).</summary>
    /// <remarks>
    /// Three tokens are in flight: token i + 2's table slots are being fetched (<see cref="WeightTable.Prefetch"/>),
    /// token i + 1's features are found (and their weights fetched), token i's weights are added. A token's probes
    /// miss the cache (the table is megabytes), and waiting for them one token at a time was a quarter of tagging;
    /// the sums, and the order they are added in, are those of <see cref="WeightTable.AddScores(ReadOnlySpan{ulong}, Span{float}, Span{float}, WeightTable.Scratch)"/>.
    /// </remarks>
    private void AddContextScores(WeightTable weights, FeatureExtractor extractor, bool secondPass, ReadOnlySpan<TokenInfo> words,
        Span<float> first, Span<float> second, int t)
    {
        int n = words.Length;
        int found = weights.Find(Features(extractor, secondPass, words, 0), _found, _scratch);
        var ahead = n > 1 ? Features(extractor, secondPass, words, 1) : [];
        weights.Prefetch(ahead);
        for (int i = 0; i < n; i++)
        {
            // The features of token i + 1 are found before token i + 2's overwrite them in the one buffer.
            int foundNext = i + 1 < n ? weights.Find(ahead, _foundNext, _scratch) : 0;
            ahead = i + 2 < n ? Features(extractor, secondPass, words, i + 2) : [];
            weights.Prefetch(ahead);
            weights.AddFound(_found.AsSpan(0, found), first.IsEmpty ? [] : first.Slice(i * t, t),
                second.IsEmpty ? [] : second.Slice(i * t, t));
            (_found, _foundNext, found) = (_foundNext, _found, foundNext);
        }
    }

    private ReadOnlySpan<ulong> Features(FeatureExtractor extractor, bool secondPass, ReadOnlySpan<TokenInfo> words, int i) =>
        _features.AsSpan(0, secondPass ? extractor.ExtractSecondPass(words, i, _features) : extractor.ExtractContext(words, i, _features));

    /// <summary>After <see cref="TagSecondOfPair"/>: the second stage's emission scores of the part's <paramref name="tokens"/>
    /// tokens (<c>tokens × tags</c>), which the accurate tier adds to its own.</summary>
    public ReadOnlySpan<float> SecondPassScores(int tokens, int tags) => _pending.AsSpan(0, tokens * tags);

    private Span<float> Emissions(PerceptronModel model, FeatureExtractor extractor, ReadOnlySpan<TokenInfo> words, int n, int t)
    {
        if (_emissions.Length < n * t) _emissions = new float[Math.Max(n * t, _emissions.Length * 2)];
        var emissions = _emissions.AsSpan(0, n * t);
        Score(model, extractor, words, emissions);
        return emissions;
    }

    /// <summary>Writes a sentence's emission scores (<c>words × tags</c>): context features probed one by one,
    /// word-only features summed per word type in a <see cref="WordScoreCache"/>.</summary>
    internal void Score(PerceptronModel model, FeatureExtractor extractor, ReadOnlySpan<TokenInfo> words, Span<float> emissions)
    {
        int t = model.Tags.Count;
        emissions.Clear();
        for (int i = 0; i < words.Length; i++)
        {
            int count = extractor.ExtractContext(words, i, _features);
            model.AddScores(_features.AsSpan(0, count), emissions.Slice(i * t, t), _scratch);
        }
        CacheFor(model, extractor).AddTo(words, emissions, _wordScratch);
    }

    private WordScoreCache CacheFor(PerceptronModel model, FeatureExtractor extractor)
    {
        foreach (var cache in shared)
            if (cache.Serves(model, extractor)) return cache;
        foreach (var cache in _caches)
            if (cache is not null && cache.Serves(model, extractor)) return cache;
        var created = new WordScoreCache(model, extractor);
        _caches[_nextCache] = created;
        _nextCache = (_nextCache + 1) % _caches.Length;
        return created;
    }

    /// <summary>Writes the marginal probability of the given <paramref name="tags"/> (e.g. gold tags) at each token.</summary>
    public void Marginals(PerceptronModel model, FeatureExtractor extractor, ReadOnlySpan<TokenInfo> infos,
        ReadOnlySpan<Sentence> sentences, ReadOnlySpan<int> tags, Span<float> probability)
    {
        int t = model.Tags.Count;
        foreach (var sentence in sentences)
        {
            int n = sentence.Count;
            if (n == 0) continue;
            var emissions = Emissions(model, extractor, infos[sentence.FirstToken..sentence.EndToken], n, t);
            _viterbi.Confidences(model, emissions, n, tags[sentence.FirstToken..sentence.EndToken],
                probability[sentence.FirstToken..sentence.EndToken]);
        }
    }
}
