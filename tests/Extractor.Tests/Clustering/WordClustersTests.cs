using Extractor.Clustering;

namespace Extractor.Tests.Clustering;

public class WordClustersTests
{
    private const string File = "0\tthe\t100\n0\ta\t80\n10\tParis\t7\n11\tBerlin\t5\n11\tRome\t4\n";

    [Fact]
    public void ReadThenWrite_RoundTripsExactly()
    {
        WordClusters clusters = WordClusters.Read(new StringReader(File));
        var writer = new StringWriter();

        clusters.Write(writer);

        Assert.Equal(File, writer.ToString());
        Assert.Equal(3, clusters.Count);
        Assert.Equal(5, clusters.WordCount);
    }

    [Theory]
    [InlineData("the", "0")]
    [InlineData("Berlin", "11")]
    [InlineData("Rome", "11")]
    [InlineData("Paris", "10")]
    public void TryGetCluster_KnownWord_FindsItsPath(string word, string path)
    {
        WordClusters clusters = WordClusters.Read(new StringReader(File));

        Assert.True(clusters.TryGetCluster(word.AsSpan(), out int cluster));
        Assert.Equal(path, clusters.Path(cluster));
        Assert.Equal(path.Length, clusters.PathLength(cluster));
    }

    [Theory]
    [InlineData("paris")]
    [InlineData("The")]
    [InlineData("Londres")]
    public void TryGetCluster_OtherCaseOrUnknown_FindsNothing(string word)
    {
        WordClusters clusters = WordClusters.Read(new StringReader(File));

        Assert.False(clusters.TryGetCluster(word.AsSpan(), out _));
    }

    [Fact]
    public void TryGetCluster_SliceOfLargerText_MatchesWithoutCopying()
    {
        WordClusters clusters = WordClusters.Read(new StringReader(File));

        Assert.True(clusters.TryGetCluster("in Rome today".AsSpan(3, 4), out int cluster));
        Assert.Equal("11", clusters.Path(cluster));
    }

    [Theory]
    [InlineData("0110", 2, 0b101ul)]
    [InlineData("0110", 4, 0b10110ul)]
    [InlineData("0110", 20, 0b10110ul)]
    [InlineData("0110", 0, 1ul)]
    [InlineData("0010", 3, 0b1001ul)]
    public void PathPrefix_MarksLengthWithLeadingOne(string path, int length, ulong expected)
    {
        WordClusters clusters = WordClusters.Create([new WordClusters.Entry(path, "w", 1)]);

        Assert.Equal(expected, clusters.PathPrefix(0, length));
    }

    [Theory]
    [InlineData("0\tthe\n", 1)]
    [InlineData("0\tthe\t1\n0x\ta\t2\n", 2)]
    [InlineData("0\tthe\t1\n1\tx\t-3\n", 2)]
    public void Read_MalformedLine_NamesTheLine(string text, int line)
    {
        var error = Assert.Throws<InvalidDataException>(() => WordClusters.Read(new StringReader(text)));

        Assert.Contains($"Line {line}", error.Message);
    }

    [Fact]
    public void Read_RepeatedWord_IsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => WordClusters.Read(new StringReader("0\tx\t1\n1\tx\t1\n")));

        Assert.Contains("'x'", error.Message);
    }
}
