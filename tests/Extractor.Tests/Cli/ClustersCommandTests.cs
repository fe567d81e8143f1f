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

    [Theory]
    [InlineData("--assign-min-count", "3", "--min-count", "2", "--assign-min-count must be from 1 to --min-count (2)")]
    [InlineData("--assign-min-count", "1", "--algorithm", "Brown", "--assign-min-count needs --algorithm KMeans")]
    [InlineData("--phrases", "0", "--min-count", "2", "--phrases: '0' is not a whole number from 1")]
    [InlineData("--phrases", "5", "--algorithm", "Brown", "--phrases needs --algorithm KMeans")]
    public void Clusters_KMeansOptionMisused_OneLineErrorExitTwo_NothingWritten(string o1, string v1, string o2, string v2, string message)
    {
        using var tmp = new TempFolder();
        string text = tmp.File("text.txt", "a b c\n");
        string output = Path.Combine(tmp.Path, "out.paths");

        var r = CliRunner.Run("clusters", "--input", text, "--output", output, o1, v1, o2, v2);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Clusters_AssignMinCount_AddsRarerWordsToTheSameClasses()
    {
        using var tmp = new TempFolder();
        // Every word of the families is seen 15 times or more; "cow" three times, where "cat" and "dog" stand.
        var lines = Enumerable.Repeat(ClusteringTestData.Families, 8).SelectMany(f => f).Concat(["the cow runs", "the cow walks", "the cow runs"]);
        string text = tmp.File("text.txt", string.Join("\n", lines) + "\n");
        string plain = Path.Combine(tmp.Path, "plain.paths"), placed = Path.Combine(tmp.Path, "placed.paths");
        string[] common = ["--input", text, "--clusters", "6", "--min-count", "10", "--context-words", "25"];

        Assert.Equal(0, CliRunner.Run(["clusters", .. common, "--output", plain]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["clusters", .. common, "--output", placed, "--assign-min-count", "2"]).ExitCode);

        var before = File.ReadAllLines(plain);
        var after = File.ReadAllLines(placed);
        Assert.Equal(before.Length + 1, after.Length);
        Assert.Subset(after.ToHashSet(), before.ToHashSet());
        Assert.Equal(BitsOf(after, "cat"), BitsOf(after, "cow"));
    }

    [Fact]
    public void Clusters_Phrases_AddsCapitalizedRunsAsEntries_WordsUnchanged()
    {
        using var tmp = new TempFolder();
        var lines = Enumerable.Repeat(new[] { "the club Arsenal won again", "the club Chelsea won again", "she lives in Paris today", "the club Real Madrid won again" }, 6).SelectMany(l => l);
        string text = tmp.File("text.txt", string.Join("\n", lines) + "\n");
        string plain = Path.Combine(tmp.Path, "plain.paths"), phrases = Path.Combine(tmp.Path, "phrases.paths");
        string[] common = ["--input", text, "--clusters", "4", "--min-count", "5", "--context-words", "25"];

        Assert.Equal(0, CliRunner.Run(["clusters", .. common, "--output", plain]).ExitCode);
        var r = CliRunner.Run(["clusters", .. common, "--output", phrases, "--phrases", "5"]);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("1 name phrases seen at least 5 times; 1 placed in the nearest class", r.Stdout);
        var before = File.ReadAllLines(plain);
        var after = File.ReadAllLines(phrases);
        Assert.Equal(before.Length + 1, after.Length);
        Assert.Subset(after.ToHashSet(), before.ToHashSet());
        Assert.Equal(BitsOf(after, "Arsenal"), BitsOf(after, "Real Madrid"));
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
        Assert.Contains("out.paths: cannot write output: no such folder '" + Path.Combine(tmp.Path, "no-such-folder") + "'", r.Stderr);
        Assert.DoesNotContain("read ", r.Stdout);
    }

    /// <summary>The bit path of <paramref name="word"/> in the lines of a paths file.</summary>
    private static string BitsOf(string[] file, string word) => file.Single(line => line.Split('\t')[1] == word).Split('\t')[0];
}
