using Extractor.Tests.Cli;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Every command held to extract's guarantees (issue 30): no output overwrites an input, a bad file is one line
/// naming it, never a stack trace, and the exit code says which. Each case failed on the build before the issue.
/// </summary>
public class EveryCommandTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _gold;
    private readonly string _lexicon;
    private readonly string _article;

    public EveryCommandTests()
    {
        var (train, _) = TrainEvaluateCommandTests.WriteCorpus(_tmp);
        _gold = train;
        _lexicon = _tmp.File("l.tsv", "IRGC\tORGANIZATION\tIslamic Revolutionary Guard Corps\n");
        _article = _tmp.File("in.txt", "Marco Rubio met the IRGC in Doha, Qatar.\n");
    }

    public void Dispose() => _tmp.Dispose();

    private string Path(string name) => System.IO.Path.Combine(_tmp.Path, name);

    public static TheoryData<string> SelfOverwrites => new()
    {
        "extract {article} --lexicon {lexicon} -o {lexicon}",
        "extract {article} --model {model} -o {model}",
        "evaluate --gold {gold} --predictions {gold}",
        "evaluate --gold {gold} --calibration-plot {gold}",
        "evaluate --gold {gold} --unseen-from {lexicon} --predictions {lexicon}",
        "train --train {gold} --dev {lexicon} -o {gold}",
        "train --train {article} --dev {gold} -o {gold}",
        "clusters --input {article} -o {article}",
        "merge {table} -o {table}",
    };

    [Theory]
    [MemberData(nameof(SelfOverwrites))]
    public void NoCommand_OverwritesItsOwnInput(string command)
    {
        string model = Path("copy.model");
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "models", "extractor.model"), model);
        string table = _tmp.File("corpus.csv", "type,name,code,documents,mentions,aliases,roles\nPERSON,Marco Rubio,,1,1,Marco Rubio,\n");
        var args = command.Split(' ').Select(a => a
            .Replace("{article}", _article).Replace("{lexicon}", _lexicon).Replace("{gold}", _gold)
            .Replace("{model}", model).Replace("{table}", table)).ToArray();
        var before = args.Where(File.Exists).Distinct().ToDictionary(f => f, File.ReadAllBytes);

        var r = CliRunner.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot write output: is also an input", r.Stderr);
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public void OutputThroughAHardLinkOrLinkedFolder_IsStillTheInput()
    {
        Directory.CreateSymbolicLink(Path("linked"), _tmp.Path);
        var r = CliRunner.Run("evaluate", "--gold", _gold, "--predictions", System.IO.Path.Combine(Path("linked"), System.IO.Path.GetFileName(_gold)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is also an input", r.Stderr);
    }

    public static TheoryData<string, string> UnwritableTargets => new()
    {
        { "evaluate --gold {gold} --predictions {nodir}/p.txt", "no such folder" },
        { "evaluate --gold {gold} --predictions {folder}", "is a folder" },
        { "evaluate --gold {gold} --calibration-plot {nodir}/x.svg", "no such folder" },
        { "evaluate --gold {gold} --predictions {out} --calibration-plot {out}", "is also an input" },
        { "train --train {gold} --dev {gold} -o {folder}", "is a folder" },
        { "clusters --input {article} -o {folder}", "is a folder" },
        { "extract {article} -o {long}", "file name too long (256 bytes" },
        { "merge {table} -o {long}", "file name too long" },
    };

    [Theory]
    [MemberData(nameof(UnwritableTargets))]
    public void AnUnwritableTarget_IsAUsageError_BeforeAnyWork(string command, string reason)
    {
        string table = _tmp.File("corpus.csv", "type,name,code,documents,mentions,aliases,roles\nPERSON,Marco Rubio,,1,1,Marco Rubio,\n");
        Directory.CreateDirectory(Path("folder"));
        var args = command.Split(' ').Select(a => a
            .Replace("{article}", _article).Replace("{gold}", _gold).Replace("{table}", table)
            .Replace("{nodir}", Path("nodir")).Replace("{folder}", Path("folder")).Replace("{out}", Path("out.txt"))
            .Replace("{long}", Path(new string('a', 256)))).ToArray();

        var r = CliRunner.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(reason, r.Stderr);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("epoch", r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void EmptyOutputName_IsOneLine_NamingTheOption()
    {
        var r = CliRunner.Run("extract", _article, "-o", "");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --output: an empty file name", r.Stderr);
        Assert.DoesNotContain("System.IO", r.Stderr);
    }

    [Theory]
    [InlineData("extract {article} --lexicon {bad}", "bad.tsv:2: not valid UTF-8 (byte ")]
    [InlineData("evaluate --gold {bad}", "bad.tsv:2: not valid UTF-8")]
    [InlineData("train --train {bad} --dev {bad} -o {out}", "bad.tsv:2: not valid UTF-8")]
    [InlineData("evaluate --gold {nul}", "nul.txt:1: a NUL byte")]
    public void ADataFileThatIsNotUtf8_IsOneLineWithFileAndLine_ExitTwo(string command, string message)
    {
        string bad = Path("bad.tsv");
        File.WriteAllBytes(bad, [.. "# watch list\n"u8, .. "IRGC\tORGANIZATION\tCaf"u8, 0xE9, (byte)'\n']);
        string nul = Path("nul.txt");
        File.WriteAllBytes(nul, [(byte)'a', 0, (byte)'b']);
        var args = command.Split(' ').Select(a => a.Replace("{article}", _article).Replace("{bad}", bad).Replace("{nul}", nul).Replace("{out}", Path("m.model"))).ToArray();

        var r = CliRunner.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(Path("m.model")));
    }

    [Fact]
    public void Clusters_NotGzip_OneLine_NoOutput()
    {
        string fake = _tmp.File("text.gz", "plain text, not gzip\n");
        var r = CliRunner.Run("clusters", "--input", fake, "-o", Path("c.paths"), "--min-count", "1");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("text.gz: not gzip data", r.Stderr);
        Assert.False(File.Exists(Path("c.paths")));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-5")]
    [InlineData("100.5")]
    [InlineData("Infinity")]
    public void MinF1_OutsideZeroToHundred_IsAUsageError(string value)
    {
        var r = CliRunner.Run("evaluate", "--gold", _gold, "--min-f1", value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--min-f1: '{value}' is not a number from 0 to 100", r.Stderr);
    }

    [Theory]
    [InlineData("", "no tokens")]
    [InlineData("-DOCSTART- -X- O O\n\nthe X X O\ncat X X O\n", "no entity is labelled")]
    public void Train_OnDataWithoutEntities_IsRefused(string content, string reason)
    {
        string empty = _tmp.File("empty.conll", content);
        var r = CliRunner.Run("train", "--train", empty, "--dev", _gold, "-o", Path("m.model"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(reason, r.Stderr);
        Assert.False(File.Exists(Path("m.model")));
    }

    [Fact]
    public void Evaluate_CutsLongGoldSentencesAsExtractDoes()
    {
        // One 20,000-token sentence of alternating names: the name rules, run per sentence, were quadratic in it
        // (160k tokens took 41 s). Evaluate tags it as extract would, cut every 256 tokens, so time is linear.
        var capped = Extractor.Training.Evaluation.Capped([new Extractor.Text.Sentence(0, 20_000), new Extractor.Text.Sentence(20_000, 20_003)]);
        Assert.All(capped, s => Assert.InRange(s.EndToken - s.FirstToken, 1, 256));
        Assert.Equal(Enumerable.Range(0, 20_003), capped.SelectMany(s => Enumerable.Range(s.FirstToken, s.EndToken - s.FirstToken)));

        var text = "-DOCSTART- -X- O O\n\n" + string.Concat(Enumerable.Range(0, 10_000).Select(_ => "Smith X X B-PER\nsaid X X O\n")) + "\n";
        var r = CliRunner.Run("evaluate", "--gold", _tmp.File("long.conll", text));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("20000 tokens, 10000 entities", r.Stdout);
    }

    private const string CorpusHeader = "type,name,code,documents,mentions,aliases,roles\n";

    [Fact]
    public void Merge_AddsCountsIn64Bits()
    {
        string a = _tmp.File("a.csv", CorpusHeader + "PERSON,Marco Rubio,,2000000000,2000000000,Rubio,Senator\n");
        string b = _tmp.File("b.csv", CorpusHeader + "PERSON,Marco Rubio,,2000000000,2000000000,Marco Rubio,Secretary of State\n");
        var r = CliRunner.Run("merge", a, b);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(CorpusHeader + "PERSON,Marco Rubio,,4000000000,4000000000,Marco Rubio|Rubio,Secretary of State|Senator\n", r.Stdout);
    }

    public static TheoryData<string, byte[], string> BadMerges => new()
    {
        { "same", [], "given twice" },
        { "copy", [], "the same table as" },
        { "c.csv", [.. "type,name,code,documents,mentions,aliases,roles\nCOUNTRY,Qatar,ZZ,1,1,Qatar,\n"u8], "c.csv:2: code 'ZZ' is not an ISO 3166-1 alpha-2 code" },
        { "d.csv", [.. "type,name,code,documents,mentions,aliases,roles\nCOUNTRY,Qatar,IL,1,1,Qatar,\n"u8], "d.csv:2: Qatar has code 'IL', but 'QA' at " },
        { "e.csv", [.. "type,name,code,documents,mentions,aliases,roles\nPERSON,Ali,QA,1,1,Ali,\n"u8], "e.csv:2: a PERSON row has a code" },
        { "f.csv", [.. "type,name,code,documents,mentions,aliases,roles\nPERSON,Caf"u8, 0xE9, .. ",,1,1,x,\n"u8], "f.csv:2: not valid UTF-8" },
        { "g.csv", [.. "type,name,code,documents,mentions,aliases,roles\nPERSON,Ca"u8, 0, .. "f,,1,1,x,\n"u8], "g.csv:2: a NUL byte" },
    };

    [Theory]
    [MemberData(nameof(BadMerges))]
    public void Merge_RefusesWhatWouldGiveWrongCounts(string second, byte[] content, string message)
    {
        string a = _tmp.File("a.csv", CorpusHeader + "COUNTRY,Qatar,QA,1,1,Qatar,\n");
        string other = second switch
        {
            "same" => a,
            "copy" => _tmp.File("copy.csv", File.ReadAllText(a)),
            _ => Path(second),
        };
        if (content.Length > 0) File.WriteAllBytes(other, content);

        var r = CliRunner.Run("merge", a, other, "-o", Path("out.csv"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(Path("out.csv")));
    }

    [Fact]
    public void Merge_AnOptionItDoesNotHave_IsNamedAsAnOption()
    {
        string a = _tmp.File("a.csv", CorpusHeader + "COUNTRY,Qatar,QA,1,1,Qatar,\n");
        var r = CliRunner.Run("merge", a, "-q");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '-q'", r.Stderr);
    }
}
