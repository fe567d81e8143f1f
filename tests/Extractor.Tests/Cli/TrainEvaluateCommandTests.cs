using Extractor.Models;
using Extractor.Tests.Training;

namespace Extractor.Tests.Cli;

public class TrainEvaluateCommandTests
{
    internal static (string Train, string Dev) WriteCorpus(TempFolder tmp)
    {
        string Conll(int docs, int seed) => string.Join("", ConllFixtures.Synthetic(docs, seed).Select(d =>
            "-DOCSTART- -X- O O\n\n" + string.Join("", d.Sentences.Select(s =>
                string.Join("", Enumerable.Range(s.FirstToken, s.Count).Select(i =>
                    $"{d.Tokens[i].Of(d.Text)} X X {Tag(d, i)}\n")) + "\n"))));
        return (tmp.File("train.conll", Conll(30, 1)), tmp.File("dev.conll", Conll(8, 2)));
    }

    private static string Tag(Extractor.Training.ConllDocument d, int i)
    {
        foreach (var s in d.Spans)
            if (i >= s.First && i < s.End) return (i == s.First ? "B-" : "I-") + Extractor.Text.EntityLabels.ToConll(s.Label);
        return "O";
    }

    [Fact]
    public void Train_PrintsEachEpochAndWritesLoadableModel()
    {
        using var tmp = new TempFolder();
        var (train, dev) = WriteCorpus(tmp);
        string model = Path.Combine(tmp.Path, "m.model");
        var r = CliRunner.Run("train", "--train", train, "--dev", dev, "-o", model, "--epochs", "3", "--folds", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("first pass epoch  3: dev F1", r.Stdout);
        Assert.Contains("second pass epoch  3: dev F1", r.Stdout);
        Assert.Matches(@"kept dev F1 \d+\.\d\d; wrote", r.Stdout);
        var loaded = ModelReader.ReadFile(model);
        Assert.True(loaded.Info.DevF1 > 90);
        Assert.Contains("train.conll", loaded.Info.TrainingData);

        string plot = Path.Combine(tmp.Path, "reliability.svg");
        var eval = CliRunner.Run("evaluate", "--gold", dev, "--model", model, "--predictions", Path.Combine(tmp.Path, "pred.txt"), "--calibration-plot", plot);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        Assert.Matches(@"overall\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d", eval.Stdout);
        Assert.Matches(@"calibration \(all mentions\): ECE 0\.\d{3} over \d+ predicted mentions\nscore      mentions  mean score  right\n0\.\d-", eval.Stdout);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", File.ReadAllText(plot));
        var lines = File.ReadAllLines(Path.Combine(tmp.Path, "pred.txt"));
        Assert.Equal("-DOCSTART- O O", lines[0]);
        Assert.Matches(@"^\S+ (O|[BI]-(PER|ORG|LOC|MISC)) (O|[BI]-(PER|ORG|LOC|MISC))$", lines[2]);

        // Gold with every tag O: whatever the model predicts is wrong, so F1 is 0 and a gate of 50 fails.
        string unlabeled = tmp.File("unlabeled.conll", string.Join("\n", File.ReadAllLines(dev).Select(l => l.Length == 0 || l.StartsWith("-DOCSTART") ? l : l[..l.LastIndexOf(' ')] + " O")) + "\n");
        var gate = CliRunner.Run("evaluate", "--gold", unlabeled, "--model", model, "--min-f1", "50");
        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("below --min-f1", gate.Stderr);
    }

    [Fact]
    public void Train_OutputInMissingFolder_FailsBeforeTraining_ExitTwo()
    {
        using var tmp = new TempFolder();
        var (train, dev) = WriteCorpus(tmp);

        var r = CliRunner.Run("train", "--train", train, "--dev", dev, "-o", Path.Combine(tmp.Path, "missing", "m.model"), "--epochs", "1");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("m.model: cannot write output: no such folder", r.Stderr);
        Assert.DoesNotContain("epoch", r.Stdout);
    }

    [Fact]
    public void Train_BadConll_NamesFileAndLine_ExitTwo()
    {
        using var tmp = new TempFolder();
        string bad = tmp.File("bad.conll", "Peter NNP O B-PER\nParis NNP O B-PLACE\n");
        var r = CliRunner.Run("train", "--train", bad, "--dev", bad, "-o", Path.Combine(tmp.Path, "m.model"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.conll:2: unknown tag 'B-PLACE'", r.Stderr);
    }

    [Fact]
    public void Tokenize_PrintsSentenceOffsetsAndToken()
    {
        var r = CliRunner.WithStdin("U.S. Sen. Marco Rubio didn't say. He left.", "tokenize");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("# -", lines[0]);
        Assert.Equal("0\t0\t4\tU.S.", lines[1]);
        Assert.Contains("0\t22\t25\tdid", lines);
        Assert.Contains("0\t25\t28\tn't", lines);
        Assert.StartsWith("1\t", lines[^1]);
    }

    [Fact]
    public void Tokenize_OffsetsInCodePoints_AgreeWithExtract()
    {
        const string text = "Fans 😀 cheered Marco Rubio.";

        var tokens = CliRunner.WithStdin(text, "tokenize").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var mention = CliRunner.ParseCsv(CliRunner.WithStdin(text, "extract", "-l", "mention", "-q").Stdout).Single();

        Assert.Contains("0\t15\t20\tMarco", tokens);
        Assert.Equal("15", mention["start"]);
        Assert.Equal("26", mention["end"]);
    }
}
