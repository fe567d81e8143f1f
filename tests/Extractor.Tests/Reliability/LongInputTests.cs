using System.Diagnostics;
using System.Text;
using Extractor.Tests.Cli;
using Extractor.Text;
using Extractor.Tokenization;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Issue #7: very long documents and adversarial text finish in linear time, or are rejected by the size rule;
/// nothing backtracks. Time limits are generous (a Debug build on two shared cores) yet far below what a
/// quadratic scan would need: on these sizes that is hours, not seconds.
/// </summary>
[Collection(ProcessCollection.Name)]
public class LongInputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static string Words(int chars, string separator = " ")
    {
        string[] words = ["the", "minister", "said", "Angela", "Merkel", "met", "officials", "of", "Siemens", "AG", "in", "Berlin", "while", "Reuters", "reported"];
        var text = new StringBuilder(chars + 16);
        for (int i = 0; text.Length < chars; i++) text.Append(words[i * 7 % words.Length]).Append(separator);
        return text.ToString(0, chars);
    }

    /// <summary>Tokenizes and splits <paramref name="text"/>, checking the invariants and the time.</summary>
    private static (Token[] Tokens, Sentence[] Sentences) Segment(string text)
    {
        var clock = Stopwatch.StartNew();
        var tokens = new List<Token>();
        new Tokenizer().Tokenize(text, tokens);
        var sentences = new List<Sentence>();
        new SentenceSplitter().Split(text, [.. tokens], sentences);
        Assert.True(clock.Elapsed < Limit, $"{text.Length:N0} characters took {clock.Elapsed}");
        for (int i = 0; i < tokens.Count; i++)
        {
            Assert.True(tokens[i].Start < tokens[i].End && tokens[i].End <= text.Length && (i == 0 || tokens[i - 1].End <= tokens[i].Start));
        }
        Assert.All(sentences, s => Assert.InRange(s.Count, 1, SentenceSplitter.DefaultMaxTokens));
        Assert.Equal(tokens.Count, sentences.Sum(s => s.Count));
        return ([.. tokens], [.. sentences]);
    }

    [Fact]
    public void Segment_20MBWithoutNewlinesOrPeriods_LinearAndSentencesCapped()
    {
        var (tokens, sentences) = Segment(Words(20 << 20));

        Assert.True(tokens.Length > 3_000_000);
        Assert.True(sentences.Length >= tokens.Length / SentenceSplitter.DefaultMaxTokens);
    }

    /// <summary>Inputs aimed at each hand-written scanner: one endless word, URL, e-mail, handle, number, run or clitic.</summary>
    public static TheoryData<string, string> Adversarial => new()
    {
        { "one word", "a" },
        { "dotted initialism", "a." },
        { "hyphenated word", "a-" },
        { "formatted number", "1," },
        { "url with parentheses", "http://x(" },
        { "url-like prefixes", "www." },
        { "e-mail local parts", "a.b+" },
        { "e-mail @ chains", "a@b." },
        { "handles", "@a_" },
        { "hashtags", "#1" },
        { "ellipsis", "." },
        { "dashes", "-" },
        { "apostrophes", "'" },
        { "clitics", "n't" },
        { "combining marks", "e\u0301" },
        { "surrogate pairs", "\U0001F600" },
        { "lone surrogates", "\uD800" },
        { "abbreviations", "Gen. " },
        { "terminal punctuation", "?!" },
        { "closers", ".\u201D)" },
        { "line breaks", "a\r" },
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Segment_AdversarialRunOf2MB_FinishesQuickly(string name, string unit)
    {
        var text = new StringBuilder(2 << 20);
        while (text.Length < 2 << 20) text.Append(unit);

        var (tokens, _) = Segment(text.ToString());

        Assert.True(tokens.Length > 0, name);
    }

    [Fact]
    public void Extract_OneLongSentence_TimeGrowsLinearly()
    {
        // The whole command (tokenize, tag, resolve, write) on one document without newlines or periods.
        TimeSpan Time(int chars)
        {
            var text = Words(chars);
            var clock = Stopwatch.StartNew();
            var r = CliRunner.WithStdin(text, "extract", "-l", "mention", "-f", "jsonl", "-q");
            clock.Stop();
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("Merkel", r.Stdout);
            return clock.Elapsed;
        }

        Time(4_000); // warm up the JIT and the model
        var small = new[] { Time(32_000), Time(32_000) }.Min();
        var large = Time(256_000);

        // Linear is 8x; quadratic would be 64x.
        Assert.True(large < small * 24 + TimeSpan.FromSeconds(1), $"32 K characters took {small}, 256 K took {large}");
        Assert.True(large < Limit, $"256 K characters took {large}");
    }

    [Fact]
    public void Extract_20MBWithoutNewlines_OverSizeLimit_RejectedWithoutReading()
    {
        using var folder = new TempFolder();
        var huge = folder.Write("huge.txt", Encoding.UTF8.GetBytes(Words(20 << 20)));
        var clock = Stopwatch.StartNew();

        var r = CliRunner.Run("extract", huge, "--max-document-size", (10 << 20).ToString(), "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: {huge}: larger than --max-document-size (10 MB)\n", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Glob_PathologicalPattern_MatchesQuickly()
    {
        // A backtracking glob matcher is exponential here; the NFA simulation is pattern x path.
        var glob = Extractor.IO.Sources.Glob.Parse(string.Concat(Enumerable.Repeat("*a", 30)) + "*b");
        var clock = Stopwatch.StartNew();

        Assert.False(glob.IsMatch(new string('a', 10_000)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Sources_UseNoBacktrackingRegex()
    {
        // Catastrophic backtracking needs a backtracking engine; a new Regex must opt into NonBacktracking.
        var src = FindSourceFolder();
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => (x.line.Contains("Regex(") || x.line.Contains("Regex.") || x.line.Contains("GeneratedRegex")) && !x.line.Contains("NonBacktracking"))
            .Select(x => $"{Path.GetRelativePath(src, x.file)}:{x.i + 1}: {x.line.Trim()}");

        Assert.Empty(offenders);
    }

    private static string FindSourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var src = Path.Join(dir.FullName, "src", "Extractor");
            if (Directory.Exists(src)) return Path.Join(dir.FullName, "src");
        }
        throw new DirectoryNotFoundException("src/ not found above " + AppContext.BaseDirectory);
    }
}
