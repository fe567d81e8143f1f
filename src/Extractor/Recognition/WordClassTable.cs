namespace Extractor.Recognition;

/// <summary>Word classes as the tagger uses them: a word → cluster map plus hashed bit-path prefixes per cluster.</summary>
/// <remarks>Prefix lengths 4, 6, 10 and 20 follow Ratinov &amp; Roth (2009): short prefixes generalize, long ones discriminate.</remarks>
public sealed class WordClassTable
{
    /// <summary>Number of path prefixes per cluster.</summary>
    public const int PrefixCount = 4;

    private static readonly int[] PrefixLengths = [4, 6, 10, 20];

    private readonly System.Collections.Frozen.FrozenDictionary<string, int> _clusterOf;
    private readonly System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ulong[] _prefixes;

    /// <summary>Builds the table from (word, bit path) pairs; words sharing a path share a cluster.</summary>
    public WordClassTable(IEnumerable<(string Word, string Path)> entries)
    {
        var paths = new List<string>();
        var pathIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, path) in entries)
        {
            if (!pathIndex.TryGetValue(path, out int cluster))
            {
                cluster = paths.Count;
                pathIndex[path] = cluster;
                paths.Add(path);
            }
            words[word] = cluster;
        }
        _clusterOf = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(words, StringComparer.Ordinal);
        _lookup = _clusterOf.GetAlternateLookup<ReadOnlySpan<char>>();
        Paths = paths;
        _prefixes = new ulong[paths.Count * PrefixCount];
        for (int c = 0; c < paths.Count; c++)
            for (int k = 0; k < PrefixCount; k++)
                _prefixes[c * PrefixCount + k] = StableHash.Of(paths[c].AsSpan(0, Math.Min(PrefixLengths[k], paths[c].Length)));
    }

    /// <summary>The distinct bit paths, indexed by cluster.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Number of words with a class.</summary>
    public int WordCount => _clusterOf.Count;

    /// <summary>Every (word, path) pair, in ordinal word order (for writing the model file).</summary>
    public IEnumerable<(string Word, string Path)> Entries() =>
        _clusterOf.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Paths[p.Value]));

    /// <summary>The cluster of <paramref name="word"/>, or -1.</summary>
    public int ClusterOf(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out int c) ? c : -1;

    /// <summary>The hashed prefix <paramref name="k"/> (0..3) of a cluster's path.</summary>
    public ulong Prefix(int cluster, int k) => _prefixes[cluster * PrefixCount + k];
}
