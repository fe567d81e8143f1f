using Extractor.Tests.Clustering;

namespace Extractor.Tests.Cli;

public class ClustersCommandTests
{
    [Fact]
    public void Clusters_DefaultAlgorithm_IsKMeans_AndWritesAPathsFile()
    {
        using var tmp = new TempFolder();
        string text = tmp.File("text.txt", string.Join("\n", BrownClustererTests.RandomText(seed: 4, lines: 300)) + "\n");
        string byDefault = Path.Combine(tmp.Path, "default.paths"), kmeans = Path.Combine(tmp.Path, "kmeans.paths"), brown = Path.Combine(tmp.Path, "brown.paths");
        string[] common = ["--input", text, "--clusters", "6", "--min-count", "2"];

        var r = CliRunner.Run(["clusters", .. common, "--output", byDefault, "--context-words", "25"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"wrote .*default\.paths: \d+ words in 6 clusters", r.Stdout);
        Assert.Contains("k-means iteration 1:", r.Stdout);
        Assert.All(File.ReadAllLines(byDefault), line => Assert.Matches(@"^[01]+\tw\d_\d\t\d+$", line));

        Assert.Equal(0, CliRunner.Run(["clusters", .. common, "--output", kmeans, "--context-words", "25", "--algorithm", "KMeans"]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["clusters", .. common, "--output", brown, "--algorithm", "Brown"]).ExitCode);
        Assert.Equal(File.ReadAllText(kmeans), File.ReadAllText(byDefault));
        Assert.NotEqual(File.ReadAllText(brown), File.ReadAllText(byDefault));
    }

    [Fact]
    public void Clusters_MissingInput_NamesTheFile_ExitTwo()
    {
        using var tmp = new TempFolder();
        string missing = Path.Combine(tmp.Path, "nope.txt.gz");

        var r = CliRunner.Run("clusters", "--input", missing, "--output", Path.Combine(tmp.Path, "out.paths"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nope.txt.gz: no such file", r.Stderr);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "out.paths")));
    }

    [Fact]
    public void Clusters_OutputInMissingFolder_FailsBeforeReading_ExitTwo()
    {
        using var tmp = new TempFolder();
        string text = tmp.File("text.txt", "a b c\n");

        var r = CliRunner.Run("clusters", "--input", text, "--output", Path.Combine(tmp.Path, "no-such-folder", "out.paths"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("folder " + Path.Combine(tmp.Path, "no-such-folder") + " does not exist", r.Stderr);
        Assert.DoesNotContain("read ", r.Stdout);
    }
}
