using Extractor.Clustering;
using Extractor.Text;

namespace Extractor.Tests.Clustering;

/// <summary>Hand-made corpora with a known answer, and a whitespace tokenizer standing in for the real one.</summary>
internal static class ClusteringTestData
{
    /// <summary>Nouns, verbs and adjectives that are interchangeable within two disjoint phrase families.</summary>
    public static readonly string[] Families =
    [
        "the cat runs", "the dog walks", "the cat walks", "the dog runs",
        "a red car", "a blue van", "a red van", "a blue car",
    ];

    public static void Whitespace(ReadOnlySpan<char> text, List<Token> tokens)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool space = i == text.Length || char.IsWhiteSpace(text[i]);
            if (space && start >= 0) { tokens.Add(new Token(start, i)); start = -1; }
            else if (!space && start < 0) start = i;
        }
    }

    public static TokenCorpus Corpus(IEnumerable<string> lines, int repeat = 1)
    {
        var corpus = new TokenCorpus();
        string text = string.Join("\n", Enumerable.Repeat(string.Join("\n", lines), repeat));
        ClusterJob.Read(new StringReader(text), Whitespace, corpus);
        return corpus;
    }

    public static string PathOf(WordClusters clusters, string word)
    {
        Assert.True(clusters.TryGetCluster(word, out int cluster), $"'{word}' has no cluster");
        return clusters.Path(cluster);
    }

    /// <summary>Every path is a bit string, and none is a prefix of another: the classes are the leaves of one tree.</summary>
    public static void AssertPrefixFreeBitStrings(WordClusters clusters)
    {
        for (int i = 0; i < clusters.Count; i++)
        {
            Assert.Matches("^[01]+$", clusters.Path(i));
            for (int j = 0; j < clusters.Count; j++)
            {
                if (i != j) Assert.False(clusters.Path(j).StartsWith(clusters.Path(i), StringComparison.Ordinal));
            }
        }
    }

    public static int CommonPrefix(string x, string y)
    {
        int n = 0;
        while (n < x.Length && n < y.Length && x[n] == y[n]) n++;
        return n;
    }
}
