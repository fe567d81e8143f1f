using Extractor.Tests.Recognition.Neural;

namespace Extractor.Tests.Cli;

public class AccurateTierCommandTests
{
    [Fact]
    public void Extract_Accurate_FindsTheSamplesPeople_TheSameWithAnyParallelism()
    {
        var one = CliRunner.Run("extract", CliRunner.Samples, "--accurate", "-f", "jsonl", "-l", "mention", "-j", "1", "-q");
        Assert.True(one.ExitCode == 0, one.Stderr);
        var two = CliRunner.Run("extract", CliRunner.Samples, "--accurate", "-f", "jsonl", "-l", "mention", "-j", "2", "-q");
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Contains("\"name\":\"Marco Rubio\"", one.Stdout);
        Assert.Contains("\"type\":\"COUNTRY\",\"text\":\"Qatar\"", one.Stdout);
        var perceptron = CliRunner.Run("extract", CliRunner.Samples, "-f", "jsonl", "-l", "mention", "-q");
        Assert.NotEqual(perceptron.Stdout, one.Stdout);
    }

    [Fact]
    public void AMissingTier_IsOneLineAndExit2()
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("extract", CliRunner.Samples, "--accurate-model", Path.Combine(tmp.Path, "none.model"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("none.model: no such model file", r.Stderr);
    }

    [Fact]
    public void ABaseModelWithOtherWordClasses_IsRefusedInOneLine()
    {
        using var tmp = new TempFolder();
        var (train, dev) = TrainEvaluateCommandTests.WriteCorpus(tmp);
        string model = Path.Combine(tmp.Path, "plain.model");
        Assert.Equal(0, CliRunner.Run("train", "--train", train, "--dev", dev, "-o", model, "--epochs", "2", "--folds", "2").ExitCode);
        foreach (var command in new[] { new[] { "extract", CliRunner.Samples }, ["evaluate", "--gold", dev] })
        {
            var r = CliRunner.Run([.. command, "--model", model, "--accurate"]);
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("extractor-accurate.model: the accurate tier was trained beside model", r.Stderr);
            Assert.Contains("does not have (--model)", r.Stderr);
        }
    }

    [Fact]
    public void TheTierFile_IsNeverAnOutput()
    {
        using var tmp = new TempFolder();
        string tier = Path.Combine(tmp.Path, "tier.model");
        File.Copy(ShippedTier.Path, tier);
        var before = File.ReadAllBytes(tier);
        var r = CliRunner.Run("extract", CliRunner.Samples, "--accurate-model", tier, "-o", tier);
        Assert.Equal(2, r.ExitCode);
        Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(tier)));
        string gold = TrainEvaluateCommandTests.WriteCorpus(tmp).Dev;
        r = CliRunner.Run("evaluate", "--gold", gold, "--accurate-model", tier, "--predictions", tier);
        Assert.Equal(2, r.ExitCode);
        Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(tier)));
    }

    [Fact]
    public void Evaluate_Accurate_ScoresWithTheTier()
    {
        using var tmp = new TempFolder();
        string gold = TrainEvaluateCommandTests.WriteCorpus(tmp).Dev;
        var fast = CliRunner.Run("evaluate", "--gold", gold);
        var accurate = CliRunner.Run("evaluate", "--gold", gold, "--accurate");
        Assert.True(accurate.ExitCode == 0, accurate.Stderr);
        Assert.Matches(@"overall\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d", accurate.Stdout);
        Assert.Matches(@"\ntier: accurate \(network dev F1 \d+\.\d\d, trained beside \S+\)\n", accurate.Stdout);
        Assert.DoesNotContain("tier:", fast.Stdout);
        Assert.NotEqual(fast.Stdout, accurate.Stdout);
    }
}
