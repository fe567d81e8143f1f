using System.Text;
using Extractor.Clustering;
using static Extractor.Tests.Clustering.ClusteringTestData;

namespace Extractor.Tests.Clustering;

public class BrownClustererTests
{
    [Theory]
    [InlineData("cat", "dog")]
    [InlineData("runs", "walks")]
    [InlineData("red", "blue")]
    [InlineData("car", "van")]
    public void Cluster_InterchangeableWords_ShareAClusterOrAreSiblings(string x, string y)
    {
        // Fewer clusters than words, so words also join one at a time. Identical contexts make a merge lossless, but
        // another lossless merge may win the tie, so the pair may stay apart as two leaves under one parent.
        WordClusters clusters = BrownClusterer.Cluster(Corpus(Families, repeat: 5), clusterCount: 6, minCount: 1);

        string px = PathOf(clusters, x), py = PathOf(clusters, y);
        Assert.Equal(6, clusters.Count);
        Assert.True(px == py || (px.Length == py.Length && CommonPrefix(px, py) == px.Length - 1), $"{x} {px}, {y} {py}");
    }

    [Fact]
    public void Cluster_DisjointFamilies_ArePartedBeforeTheirMembers()
    {
        WordClusters clusters = BrownClusterer.Cluster(Corpus(Families, repeat: 5), clusterCount: 10, minCount: 1);

        string cat = PathOf(clusters, "cat"), dog = PathOf(clusters, "dog"), car = PathOf(clusters, "car");
        Assert.NotEqual(cat, dog);
        Assert.True(CommonPrefix(cat, dog) > CommonPrefix(cat, car), $"cat {cat}, dog {dog}, car {car}");
    }

    [Fact]
    public void Cluster_Paths_ArePrefixFreeBitStrings()
    {
        WordClusters clusters = BrownClusterer.Cluster(Corpus(RandomText(seed: 1, lines: 300)), clusterCount: 12, minCount: 2);

        Assert.Equal(12, clusters.Count);
        AssertPrefixFreeBitStrings(clusters);
    }

    [Fact]
    public void Cluster_SameInputTwice_WritesIdenticalFiles()
    {
        string text = string.Join("\n", RandomText(seed: 2, lines: 300));

        Assert.Equal(Written(text), Written(text));
    }

    [Fact]
    public void Cluster_MinCount_LeavesOutRarerWords()
    {
        TokenCorpus corpus = Corpus(["a b a b a b c", "a b d d"]);

        WordClusters clusters = BrownClusterer.Cluster(corpus, clusterCount: 4, minCount: 2);

        Assert.True(clusters.TryGetCluster("d", out _));
        Assert.False(clusters.TryGetCluster("c", out _));
        Assert.Equal(3, clusters.WordCount);
    }

    [Fact]
    public void Cluster_FewerWordsThanClusters_GivesEachWordItsOwnLeaf()
    {
        WordClusters clusters = BrownClusterer.Cluster(Corpus(["x y z x y z"]), clusterCount: 50, minCount: 1);

        Assert.Equal(3, clusters.Count);
        Assert.Equal(3, clusters.WordCount);
    }

    [Fact]
    public void Cluster_Entries_AreGroupedByPathWithFrequentWordsFirst()
    {
        WordClusters clusters = BrownClusterer.Cluster(Corpus(RandomText(seed: 3, lines: 200)), clusterCount: 8, minCount: 1);

        WordClusters.Entry[] entries = clusters.Entries.ToArray();
        for (int i = 1; i < entries.Length; i++)
        {
            int byPath = string.CompareOrdinal(entries[i - 1].Path, entries[i].Path);
            Assert.True(byPath < 0 || (byPath == 0 && entries[i - 1].Count >= entries[i].Count));
        }
    }

    private static string Written(string text)
    {
        var corpus = new TokenCorpus();
        ClusterJob.Read(new StringReader(text), Whitespace, corpus);
        var writer = new StringWriter();
        BrownClusterer.Cluster(corpus, clusterCount: 10, minCount: 1).Write(writer);
        return writer.ToString();
    }

    /// <summary>Zipf-ish word soup with some structure: each word tends to be followed by a word of the next "role".</summary>
    internal static string[] RandomText(int seed, int lines)
    {
        var random = new Random(seed);
        var result = new string[lines];
        for (int l = 0; l < lines; l++)
        {
            var line = new StringBuilder();
            int role = random.Next(4);
            for (int t = 0; t < 8; t++)
            {
                int word = (int)(Math.Pow(random.NextDouble(), 2) * 10);
                line.Append('w').Append(role).Append('_').Append(word).Append(' ');
                role = (role + 1 + random.Next(2) * random.Next(2)) % 4;
            }
            result[l] = line.ToString();
        }
        return result;
    }
}
