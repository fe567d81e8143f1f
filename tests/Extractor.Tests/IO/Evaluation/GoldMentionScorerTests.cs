using System.Diagnostics;
using Extractor.IO.Batch;
using Extractor.IO.Evaluation;
using Extractor.Tests.Cli;

namespace Extractor.Tests.IO.Evaluation;

/// <summary>Scoring the tool's mentions against a JSONL gold of mentions, as ../shared/eval/score.py scores them.</summary>
public class GoldMentionScorerTests
{
    private static GoldMention M(string type, int start, int end, string doc = "a.txt") => new(doc, start, end, type);

    [Fact]
    public void Score_ExactAndLenient_WithOptionalSpans()
    {
        GoldMention[] gold = [M("PERSON", 0, 11), M("COUNTRY", 20, 25), M("ORGANIZATION", 30, 40), M("PERSON", 0, 5, "b.txt")];
        GoldMention[] optional = [M("ORGANIZATION", 50, 60)];
        GoldMention[] system =
        [
            M("PERSON", 0, 11),          // exact hit
            M("COUNTRY", 19, 25),        // lenient hit only
            M("ORGANIZATION", 50, 60),   // optional: ignored
            M("ORGANIZATION", 52, 55),   // overlaps the optional span: ignored when lenient, wrong when exact
            M("PERSON", 70, 75),         // wrong
        ];

        var exact = GoldMentionScorer.Score(system, gold, optional, lenient: false);
        var lenient = GoldMentionScorer.Score(system, gold, optional, lenient: true);

        Assert.Equal((4, 1, 4, 1, 1), Counts(exact["overall"]));
        Assert.Equal((3, 2, 4, 2, 2), Counts(lenient["overall"]));
        Assert.Equal((2, 1, 2, 1, 0), Counts(exact["PERSON"]));
        Assert.Equal(0.25, exact["overall"].Precision, 6);
        Assert.Equal(2.0 / 3, lenient["overall"].Precision, 6);
    }

    [Fact]
    public void Reliability_CountsExactHitsByScore_AndSkipsOptionalSpans()
    {
        GoldMention right = new("a.txt", 0, 5, "PERSON"), wrong = new("a.txt", 10, 15, "PERSON"), optional = new("a.txt", 20, 25, "ORGANIZATION");
        var scores = new Dictionary<GoldMention, float> { [right] = 0.95f, [wrong] = 0.95f, [optional] = 0.15f };
        var reliability = GoldMentionScorer.Reliability([right, wrong, optional], scores, [right], [optional]);
        Assert.Equal(2, reliability.Count);
        // One bin: mean score 0.95, half right.
        Assert.Equal(0.45, reliability.ExpectedCalibrationError, 3);
    }

    [Fact]
    public void Interval_IsSeededAndHoldsThePointEstimate()
    {
        var gold = Enumerable.Range(0, 40).Select(d => M("PERSON", 0, 5, $"d{d}.txt")).ToList();
        // Right in 30 documents, a wrong span in the other 10: F1 0.75.
        var system = gold.Select((g, i) => i % 4 == 0 ? g with { End = 6 } : g).ToList();

        var first = GoldMentionScorer.Interval(system, gold, []);
        var again = GoldMentionScorer.Interval(system, gold, []);

        Assert.Equal(first, again);
        Assert.InRange(0.75, first.Low, first.High);
        Assert.True(first.Low < 0.75 && first.High > 0.75 && first.High - first.Low < 0.3, $"{first}");
    }

    private static (int, int, int, int, int) Counts(MentionCounts c) => (c.System, c.SystemRight, c.Gold, c.GoldFound, c.Ignored);

    [Fact]
    public void Evaluate_JsonlGold_PrintsWhatScorePyPrints()
    {
        using var tmp = new TempFolder();
        string texts = Path.Combine(tmp.Path, "news");
        foreach (var file in Directory.GetFiles(CliRunner.Samples, "*.txt")) tmp.Write(Path.Combine("news", Path.GetFileName(file)), File.ReadAllText(file));
        // Gold: the first mentions the tool finds, one span shifted (a miss and a false positive), one type changed.
        var found = CliRunner.Run("extract", texts, "-l", "mention", "-f", "jsonl", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(12).ToList();
        found[3] = found[3].Replace("\"start\":", "\"start\":1");
        found[5] = found[5].Replace("\"PERSON\"", "\"ORGANIZATION\"").Replace("\"COUNTRY\"", "\"PERSON\"");
        string gold = tmp.Write("news-gold.jsonl", string.Join("\n", found) + "\n");

        var r = CliRunner.Run("evaluate", "--gold", gold);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("gold: news-gold.jsonl, 12 mentions in ", r.Stdout);
        Assert.Contains("mention level, exact (span and type)", r.Stdout);
        Assert.Matches(@"overall\s+12\s+\d+\s+0\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d", r.Stdout);
        var scorePy = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "eval", "score.py"));
        if (!File.Exists(scorePy) || !File.Exists("/usr/bin/python3")) return; // the reference scorer comes with ../shared
        string system = tmp.Write("system.jsonl", CliRunner.Run("extract", texts, "-l", "mention", "-f", "jsonl", "-q").Stdout);
        var reference = Run("/usr/bin/python3", scorePy, system, gold, "--texts", texts, "--no-optional");
        string Table(string text, string title) => string.Join("\n", text.Split('\n').SkipWhile(l => !l.StartsWith(title, StringComparison.Ordinal)).Skip(2).Take(4).Select(l => l.TrimEnd()));
        Assert.Equal(Table(reference, "mention level, exact"), Table(r.Stdout, "mention level, exact"));
        Assert.Equal(Table(reference, "mention level, lenient"), Table(r.Stdout, "mention level, lenient"));
    }

    private static string Run(string exe, params string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        return output;
    }
}
