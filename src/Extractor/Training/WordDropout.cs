using Extractor.Recognition;
using Extractor.Recognition.Features;

namespace Extractor.Training;

/// <summary>Rare-word dropout settings for one training stage.</summary>
/// <param name="Rate">The share of a rare word's occurrences whose identity is hidden.</param>
/// <param name="MaxCount">Words seen at most this many times in the stage's training documents are rare.</param>
/// <param name="Seed">Which occurrences are hidden; the same seed hides the same ones.</param>
internal sealed record WordDropout(double Rate, int MaxCount, int Seed);

/// <summary>
/// Hides the identity of some rare words while a stage's feature rows are built, so that training sees what tagging
/// sees on a word it never met: no exact-word or lowercase feature of it, at any offset, in any bigram. Its spelling
/// (shape, prefixes, suffixes), word class, list entries and document facts stay, since a new word has those too.
/// </summary>
/// <remarks>
/// Without it every training word carries its own weights, so the model never learns how much to trust context for
/// a word without them; at run time an unknown capitalized word then falls back on whatever its suffix says ("-ah",
/// "-iq" were people in 1996 Reuters: "in Daquq" came out a person). A hidden word is replaced by a sentinel value,
/// the rows of the masked and the true sentence are both extracted, and only features present in both are kept:
/// exactly the true features that do not read the hidden word.
/// </remarks>
internal sealed class WordMasking
{
    /// <summary>What a hidden word's hashes become; no word hashes to it in practice, and nothing built from it is kept.</summary>
    private const ulong Hidden = 0x9E3779B97F4A7C15;

    private readonly WordDropout _dropout;
    private readonly FeatureExtractor _extractor;
    private readonly HashSet<ulong> _rare = [];
    private readonly Random _random;
    private readonly ulong[] _true = new ulong[FeatureExtractor.MaxFeatures];
    private readonly HashSet<ulong> _kept = [];

    public WordMasking(WordDropout dropout, CorpusFeatures corpus, IEnumerable<int> documents, FeatureExtractor extractor)
    {
        _dropout = dropout;
        _extractor = extractor;
        _random = new Random(dropout.Seed);
        var counts = new Dictionary<ulong, int>();
        foreach (int d in documents)
            foreach (ref readonly var t in corpus.Infos[d].AsSpan())
                counts[t.Word] = counts.GetValueOrDefault(t.Word) + 1;
        foreach (var (word, count) in counts)
            if (count <= dropout.MaxCount) _rare.Add(word);
    }

    /// <summary>A copy of <paramref name="words"/> with some rare words hidden, or null when none is.</summary>
    public TokenInfo[]? Mask(ReadOnlySpan<TokenInfo> words)
    {
        TokenInfo[]? masked = null;
        for (int i = 0; i < words.Length; i++)
        {
            // One draw per rare token whatever happened before, so which tokens are hidden depends only on the seed.
            if (!_rare.Contains(words[i].Word) || _random.NextDouble() >= _dropout.Rate) continue;
            masked ??= words.ToArray();
            masked[i].Word = Hidden;
            masked[i].Lower = Hidden;
        }
        return masked;
    }

    /// <summary>The features of token <paramref name="i"/> that the true sentence and the masked one share.</summary>
    public int Extract(ReadOnlySpan<TokenInfo> words, TokenInfo[] masked, int i, Span<ulong> features)
    {
        int trueCount = _extractor.Extract(words, i, _true);
        _kept.Clear();
        for (int k = 0; k < trueCount; k++) _kept.Add(_true[k]);
        int n = _extractor.Extract(masked, i, features), kept = 0;
        for (int k = 0; k < n; k++)
            if (_kept.Contains(features[k])) features[kept++] = features[k];
        return kept;
    }
}
