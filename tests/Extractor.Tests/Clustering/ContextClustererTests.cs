using Extractor.Clustering;
using static Extractor.Tests.Clustering.BrownClustererTests;
using static Extractor.Tests.Clustering.ClusteringTestData;

namespace Extractor.Tests.Clustering;

public class ContextClustererTests
{
    [Fact]
    public void Cluster_InterchangeableWords_ShareAClass_AndFamiliesSplitAtTheRoot()
    {
        WordClusters clusters = ContextClusterer.Cluster(Corpus(Families, repeat: 5), clusterCount: 6, minCount: 1, contextWords: 20, seed: 1);

        // Within a family, the nouns have identical ±2 contexts, and so do the verbs; nouns and verbs do not.
        Assert.Equal(PathOf(clusters, "cat"), PathOf(clusters, "dog"));
        Assert.Equal(PathOf(clusters, "runs"), PathOf(clusters, "walks"));
        Assert.Equal(PathOf(clusters, "car"), PathOf(clusters, "van"));
        Assert.NotEqual(PathOf(clusters, "cat"), PathOf(clusters, "runs"));
    }

    [Fact]
    public void Cluster_Paths_ArePrefixFreeBitStrings_ForEveryClass()
    {
        WordClusters clusters = ContextClusterer.Cluster(Corpus(RandomText(seed: 1, lines: 300)), clusterCount: 12, minCount: 2, contextWords: 30, seed: 1);

        Assert.Equal(12, clusters.Count);
        AssertPrefixFreeBitStrings(clusters);
    }

    [Fact]
    public void Cluster_SameSeed_GivesIdenticalFiles()
    {
        TokenCorpus corpus = Corpus(RandomText(seed: 2, lines: 400));

        Assert.Equal(Written(corpus, seed: 7), Written(corpus, seed: 7));
    }

    [Fact]
    public void Cluster_MinCount_LeavesOutRarerWords_ButKeepsThemAsContext()
    {
        TokenCorpus corpus = Corpus(["a b a b a b c", "a b d d"]);

        WordClusters clusters = ContextClusterer.Cluster(corpus, clusterCount: 2, minCount: 2, contextWords: 10, seed: 1);

        Assert.True(clusters.TryGetCluster("d", out _));
        Assert.False(clusters.TryGetCluster("c", out _));
        Assert.Equal(3, clusters.WordCount);
    }

    [Fact]
    public void Cluster_AssignMinCount_PlacesRarerWordsByTheirContexts_WithoutMovingTheClasses()
    {
        // "cow" and "green" (twice each) stand where the frequent nouns and colours stand.
        TokenCorpus corpus = Corpus([.. Enumerable.Repeat(Families, 5).SelectMany(f => f), "the cow runs", "a green van", "the cow walks", "a green car"]);

        WordClusters frequent = ContextClusterer.Cluster(corpus, clusterCount: 6, minCount: 5, contextWords: 20, seed: 1);
        WordClusters placed = ContextClusterer.Cluster(corpus, clusterCount: 6, minCount: 5, contextWords: 20, seed: 1, assignMinCount: 2);

        Assert.False(frequent.TryGetCluster("cow", out _));
        Assert.Equal(PathOf(placed, "cat"), PathOf(placed, "cow"));
        Assert.Equal(PathOf(placed, "red"), PathOf(placed, "green"));
        Assert.Equal(frequent.WordCount + 2, placed.WordCount);
        foreach (var word in new[] { "the", "a", "cat", "dog", "runs", "walks", "red", "blue", "car", "van" })
            Assert.Equal(PathOf(frequent, word), PathOf(placed, word));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Cluster_AssignMinCountOutsideOneToMinCount_Throws(int assignMinCount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ContextClusterer.Cluster(Corpus(Families), clusterCount: 2, minCount: 5, contextWords: 10, seed: 1, assignMinCount: assignMinCount));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("x x x x")]
    [InlineData("x y\nx y")]
    public void Cluster_TinyCorpus_GivesEveryKeptWordAClass(string text)
    {
        TokenCorpus corpus = Corpus(text.Split('\n'));

        WordClusters clusters = ContextClusterer.Cluster(corpus, clusterCount: 5, minCount: 1, contextWords: 10, seed: 1);

        Assert.Equal(corpus.TypeCount, clusters.WordCount);
        AssertPrefixFreeBitStrings(clusters);
    }

    [Fact]
    public void ContextMatrix_RowsHaveUnitLength_AndWindowsStopAtParagraphBreaks()
    {
        TokenCorpus corpus = Corpus(["x a y", "z a w"]);
        int[] rank = Enumerable.Range(0, corpus.TypeCount).ToArray();

        var matrix = ContextMatrix.Build(corpus.Tokens, rank, corpus.TypeCount, contextWords: corpus.TypeCount);

        int perOffset = corpus.TypeCount + 2, edge = corpus.TypeCount;
        for (int w = 0; w < matrix.Rows; w++)
        {
            var values = matrix.Value.AsSpan(matrix.RowStart[w], matrix.RowStart[w + 1] - matrix.RowStart[w]);
            double norm = 0;
            foreach (float v in values) norm += v * v;
            Assert.InRange(norm, 0.999, 1.001);
        }
        // "y" ends the first paragraph: two places to its right (offset index 3) is the edge, not "a" of the next line.
        int y = Id(corpus, "y");
        var columns = matrix.Column.AsSpan(matrix.RowStart[y], matrix.RowStart[y + 1] - matrix.RowStart[y]).ToArray();
        Assert.Contains(3 * perOffset + edge, columns);
        Assert.DoesNotContain(3 * perOffset + Id(corpus, "a"), columns);
    }

    [Fact]
    public void WardTree_JoinsTheNearestClustersFirst()
    {
        // Four points on a line, at 0, 1, 10 and 11 (one feature, feature-major sums = the points themselves).
        float[] sums = [0f, 1f, 10f, 11f];

        string[] paths = WardTree.Paths(sums, [1, 1, 1, 1]);

        Assert.Equal(["00", "01", "10", "11"], paths);
    }

    private static int Id(TokenCorpus corpus, string word) =>
        Enumerable.Range(0, corpus.TypeCount).Single(i => corpus.Word(i) == word);

    private static string Written(TokenCorpus corpus, int seed)
    {
        var writer = new StringWriter();
        ContextClusterer.Cluster(corpus, clusterCount: 10, minCount: 1, contextWords: 30, seed: seed).Write(writer);
        return writer.ToString();
    }
}
