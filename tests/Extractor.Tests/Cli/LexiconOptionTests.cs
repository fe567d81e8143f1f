namespace Extractor.Tests.Cli;

/// <summary><c>extract --lexicon FILE</c> from the command line: repeatable, and a bad file stops the run before
/// anything is written.</summary>
public class LexiconOptionTests
{
    private const string Text = "The IRGC said Hodeidah was hit. Washington has ongoing discussions with Doha.";

    [Fact]
    public void TwoLexicons_AreBothUsed()
    {
        using var temp = new TempFolder();
        string a = temp.File("orgs.tsv", "# organizations\nIRGC\tORGANIZATION\tIslamic Revolutionary Guard Corps\n");
        string b = temp.File("places.tsv", "Hodeidah\tLOCATION\n");
        var r = CliRunner.WithStdin(Text, "extract", "-l", "mention", "-t", "all", "-q", "--lexicon", a, "--lexicon", b);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("-,ORGANIZATION,IRGC,Islamic Revolutionary Guard Corps,,4,8,0,1,,\n", r.Stdout);
        Assert.Contains("-,LOCATION,Hodeidah,Hodeidah,,14,22,0,1,,\n", r.Stdout);
    }

    [Fact]
    public void BadLine_StopsTheRunAndLeavesTheOutputAsItWas()
    {
        using var temp = new TempFolder();
        string good = temp.File("good.tsv", "IRGC\tORG\n");
        string bad = temp.File("bad.tsv", "Hodeidah\tLOCATION\nHouthis ORG\n");
        string output = temp.File("out.csv", "previous run\n");
        var r = CliRunner.Run("extract", CliRunner.Samples, "-o", output, "--lexicon", good, "--lexicon", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {bad}:2: expected 'surface<TAB>TYPE[<TAB>canonical]', found 1 column\n", r.Stderr);
        Assert.Equal("previous run\n", File.ReadAllText(output));
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void MissingFile_IsAUsageError()
    {
        using var temp = new TempFolder();
        string missing = Path.Combine(temp.Path, "none.tsv");
        var r = CliRunner.WithStdin(Text, "extract", "--lexicon", missing);
        Assert.Equal((2, $"error: {missing}: no such lexicon file\n", ""), (r.ExitCode, r.Stderr, r.Stdout));
    }
}
