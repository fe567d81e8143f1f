using System.IO.Compression;
using System.Text;
using Extractor.Clustering;
using static Extractor.Tests.Clustering.ClusteringTestData;

namespace Extractor.Tests.Clustering;

public class ClusterJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clusterjob").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_GzipAndPlainInputs_ClustersWordsFromBoth()
    {
        string gz = Path.Combine(_folder, "one.txt.gz"), plain = Path.Combine(_folder, "two.txt");
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes("the cat runs\nthe dog walks\n"));
        }
        File.WriteAllText(plain, "a red car\na blue van\n");

        WordClusters clusters = ClusterJob.Run(new ClusterJobOptions([gz, plain], ClusterCount: 4, MinCount: 1), Whitespace);

        Assert.True(clusters.TryGetCluster("cat", out _));
        Assert.True(clusters.TryGetCluster("van", out _));
    }

    [Fact]
    public void Run_KMeans_GivesTheContextClusterersClasses()
    {
        string plain = Path.Combine(_folder, "soup.txt");
        File.WriteAllLines(plain, BrownClustererTests.RandomText(seed: 5, lines: 200));
        var options = new ClusterJobOptions([plain], ClusterCount: 6, MinCount: 1, Algorithm: ClusterAlgorithm.KMeans, Seed: 3, ContextWords: 25);

        string viaJob = Written(ClusterJob.Run(options, Whitespace));

        var corpus = new TokenCorpus();
        using (var reader = new StreamReader(plain)) ClusterJob.Read(reader, Whitespace, corpus);
        Assert.Equal(Written(ContextClusterer.Cluster(corpus, 6, 1, contextWords: 25, seed: 3)), viaJob);
        Assert.NotEqual(Written(BrownClusterer.Cluster(corpus, 6, 1)), viaJob);
    }

    private static string Written(WordClusters clusters)
    {
        var writer = new StringWriter();
        clusters.Write(writer);
        return writer.ToString();
    }

    [Fact]
    public void Read_MaxTokens_StopsMidParagraph()
    {
        var corpus = new TokenCorpus();

        ClusterJob.Read(new StringReader("a b c\nd e f\n"), Whitespace, corpus, maxTokens: 4);

        Assert.Equal(4, corpus.TokenCount);
        Assert.Equal([0, 1, 2, TokenCorpus.Break, 3, TokenCorpus.Break], corpus.Tokens.ToArray());
    }

    [Fact]
    public void Read_ParagraphBreak_SeparatesBigrams()
    {
        TokenCorpus corpus = Corpus(["x y", "y x"]);

        Assert.Equal([0, 1, TokenCorpus.Break, 1, 0, TokenCorpus.Break], corpus.Tokens.ToArray());
        Assert.Equal(2, corpus.Frequency(0));
    }
}
