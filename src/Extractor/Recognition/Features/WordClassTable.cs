namespace Extractor.Recognition.Features;

/// <summary>Word classes as the tagger uses them: a word → class map plus hashed bit-path prefixes per class.</summary>
/// <remarks>
/// Prefix lengths 4, 6, 10 and 20 follow Ratinov &amp; Roth (2009): short prefixes generalize, long ones
/// discriminate. A table may hold several clusterings (layers) of different granularity, as Turian et al.
/// (2010) combine them; a word's path then reads <c>PATH1|PATH2</c>, empty where a layer lacks the word,
/// and each layer contributes its own four prefixes.
/// </remarks>
internal sealed class WordClassTable
{
    /// <summary>Separates the layers' paths in a combined path.</summary>
    public const char LayerSeparator = '|';

    /// <summary>Path prefixes per layer.</summary>
    private const int PrefixesPerLayer = 4;

    private static readonly int[] PrefixLengths = [4, 6, 10, 20];

    private readonly WordIndex _words;
    private readonly Block<int> _clusterOfWord;
    private readonly ulong[] _prefixes;

    /// <summary>Builds the table from (word, bit path) pairs; words sharing a path share a cluster; a repeated word keeps its last path.</summary>
    public WordClassTable(IEnumerable<(string Word, string Path)> entries)
        : this(Index(entries, out var clusters, out var paths), clusters, paths)
    {
    }

    /// <summary>Builds the table from indexed words, each word's index into <paramref name="paths"/>, and the distinct bit paths (as model files store them).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A word's index is not one of <paramref name="paths"/>.</exception>
    internal WordClassTable(WordIndex words, Block<int> clusterOfWord, IReadOnlyList<string> paths)
    {
        if (clusterOfWord.Length != words.Count) throw new ArgumentException($"{clusterOfWord.Length} classes for {words.Count} words", nameof(clusterOfWord));
        var clusters = clusterOfWord.Span;
        // One vectorized pass finds the first class out of range, if any (142k words in the shipped model).
        int bad = RangeScan.IndexOfOutside(clusters, paths.Count - 1);
        if (bad >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterOfWord), $"class {clusters[bad]} of \"{words.Word(bad)}\" is not among the {paths.Count} paths");
        }
        _words = words;
        _clusterOfWord = clusterOfWord;
        for (int w = 0; w < words.Count && MaxPhraseWords == 0; w++)
            if (words.Word(w).Contains(PhraseSeparator)) MaxPhraseWords = MaxPhraseLength;
        Paths = [.. paths];
        PrefixCount = paths.Count == 0 ? PrefixesPerLayer : paths.Max(p => p.Split(LayerSeparator).Length) * PrefixesPerLayer;
        _prefixes = new ulong[paths.Count * PrefixCount];
        for (int c = 0; c < paths.Count; c++)
        {
            var layers = paths[c].Split(LayerSeparator);
            for (int k = 0; k < PrefixCount; k++)
            {
                string layer = k / PrefixesPerLayer < layers.Length ? layers[k / PrefixesPerLayer] : "";
                int length = Math.Min(PrefixLengths[k % PrefixesPerLayer], layer.Length);
                // The layer number is mixed in so equal bit strings of different clusterings stay different features.
                _prefixes[c * PrefixCount + k] = StableHash.Of(layer.AsSpan(0, length)) ^ (ulong)(k / PrefixesPerLayer) * 0x9E3779B97F4A7C15UL;
            }
        }
    }

    private static WordIndex Index(IEnumerable<(string Word, string Path)> entries, out int[] clusters, out List<string> paths)
    {
        paths = [];
        var pathIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, path) in entries)
        {
            if (!pathIndex.TryGetValue(path, out int cluster))
            {
                cluster = paths.Count;
                pathIndex[path] = cluster;
                paths.Add(path);
            }
            clusterOf[word] = cluster;
        }
        clusters = [.. clusterOf.Values];
        return WordIndex.Of([.. clusterOf.Keys]);
    }

    /// <summary>Joins the words of a name phrase ("Manchester United"), which has a class like a word.</summary>
    public const char PhraseSeparator = ' ';

    /// <summary>Longest name phrase a table may hold, in words.</summary>
    public const int MaxPhraseLength = 4;

    /// <summary>Longest phrase to look up, in words: <see cref="MaxPhraseLength"/>, or 0 when the table holds no phrases.</summary>
    public int MaxPhraseWords { get; }

    /// <summary>Hashed prefixes per class: four per layer.</summary>
    public int PrefixCount { get; }

    /// <summary>Combines clusterings given as word → path maps into one table of <c>PATH1|PATH2…</c> paths.</summary>
    public static WordClassTable FromLayers(IReadOnlyList<IReadOnlyDictionary<string, string>> layers)
    {
        if (layers.Count == 1) return new WordClassTable(layers[0].Select(p => (p.Key, p.Value)));
        var words = layers.SelectMany(l => l.Keys).Distinct(StringComparer.Ordinal);
        return new WordClassTable(words.Select(w =>
            (w, string.Join(LayerSeparator, layers.Select(l => l.TryGetValue(w, out var path) ? path : "")))));
    }

    /// <summary>The distinct bit paths, indexed by cluster.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Number of words with a class.</summary>
    public int WordCount => _words.Count;

    /// <summary>Every (word, path) pair, in ordinal word order.</summary>
    public IEnumerable<(string Word, string Path)> Entries() =>
        WordsByCluster().Select(p => (p.Word, Paths[p.Cluster]));

    /// <summary>Every word with the index of its path in <see cref="Paths"/>, in ordinal word order (for writing the model file).</summary>
    public IEnumerable<(string Word, int Cluster)> WordsByCluster() =>
        Enumerable.Range(0, _words.Count).Select(w => (_words.Word(w).ToString(), _clusterOfWord.Span[w])).OrderBy(p => p.Item1, StringComparer.Ordinal);

    /// <summary>The cluster of <paramref name="word"/>, or -1.</summary>
    public int ClusterOf(ReadOnlySpan<char> word)
    {
        int w = _words.IndexOf(word);
        return w < 0 ? -1 : _clusterOfWord.Span[w];
    }

    /// <summary>The hashed prefix <paramref name="k"/> (0 to <see cref="PrefixCount"/> − 1) of a class's path.</summary>
    public ulong Prefix(int cluster, int k) => _prefixes[cluster * PrefixCount + k];
}
