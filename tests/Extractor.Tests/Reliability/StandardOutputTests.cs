using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>Standard output as shells use it: a file shared with other commands, a full disk, a closed descriptor.</summary>
public class StandardOutputTests
{
    [Fact]
    public void RedirectedToAFileSharedWithOtherCommands_WritesAtTheSharedPosition()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = ShellScript.Run("{ echo hello; $X extract \"$SAMPLES\" -q; echo after; } > t.out", folder.Path);

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(Path.Join(folder.Path, "t.out"));
        Assert.Equal("hello", lines[0]);
        Assert.StartsWith("document,type,name", lines[1]);
        Assert.Equal("after", lines[^1]);
        Assert.Equal(Expected(entity: true).Count + 3, lines.Length);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void LoopRedirectedOnce_KeepsEveryRunsLines()
    {
        using var folder = new TempFolder();

        var (code, _, _) = ShellScript.Run("for f in \"$SAMPLES\"/*.txt; do $X extract \"$f\" -q -l mention; done > all.csv", folder.Path);

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(Path.Join(folder.Path, "all.csv"));
        var samples = Directory.GetFiles(CliRunner.Samples, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var expected = samples.SelectMany(f => CliRunner.Run("extract", f, "-q", "-l", "mention").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void FullDevice_ExitThreeAndSaysWhy()
    {
        if (!ShellScript.IsRoot) return; // making a device node needs root; the machine's own /dev/full is not used
        using var folder = new TempFolder();

        var (code, _, stderr) = ShellScript.Run("mknod full c 1 7 && $X extract \"$SAMPLES\" > full", folder.Path);

        Assert.Equal(3, code);
        Assert.Contains("error: standard output: cannot write output (No space left on device)", stderr);
        Assert.StartsWith("failed: ", stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void SmallFileSystemFills_FileEndsAtTheLastWholeRecord()
    {
        if (!ShellScript.CanMountSmallFileSystems) return;
        using var folder = new TempFolder();
        for (int i = 0; i < 40; i++) File.Copy(Directory.GetFiles(CliRunner.Samples, "*.txt")[0], Path.Join(folder.Path, $"a{i:D2}.txt"));

        var (code, _, stderr) = ShellScript.Run(
            "mkdir small && unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs small && $X extract . -l mention > small/out.csv; echo $? > code; cp small/out.csv kept.csv'",
            folder.Path);

        Assert.Equal(0, code);
        Assert.Equal("3", File.ReadAllText(Path.Join(folder.Path, "code")).Trim());
        Assert.Contains("No space left on device; the file ends at the last whole record", stderr);
        var kept = File.ReadAllText(Path.Join(folder.Path, "kept.csv"));
        Assert.EndsWith("\n", kept);
        Assert.All(CliRunner.ParseCsv(kept), row => Assert.Matches(@"^0\.\d+$|^1$", row["score"]));
    }

    [Fact]
    public void ClosedStandardOutput_ExitThreeInsteadOfACrash()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = ShellScript.Run("$X extract \"$SAMPLES\" >&-", folder.Path);

        Assert.Equal(3, code);
        Assert.Contains("error: standard output: cannot write output (standard output is closed)", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void ClosedStandardOutput_WithOutputFile_WritesTheFile()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = ShellScript.Run("$X extract \"$SAMPLES\" -q -o out.csv >&-", folder.Path);

        Assert.True(code == 0, $"exit {code}; stderr:\n{stderr}");
        Assert.Equal(Expected(entity: true).Count + 1, File.ReadAllLines(Path.Join(folder.Path, "out.csv")).Length);
    }

    [Fact]
    public void ClosedStandardInput_FailsThatInputInsteadOfWaiting()
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr) = ShellScript.Run("$X extract <&-", folder.Path);

        Assert.Equal(1, code);
        Assert.Contains("error: -: standard input is closed", stderr);
        Assert.Equal("document,type,name,code,mentions,first_start,aliases,score,role,affiliation\n", stdout);
    }

    [Fact]
    public void Tokenize_FullDevice_ExitThree_ClosedPipe_ExitZero()
    {
        if (!ShellScript.IsRoot) return;
        using var folder = new TempFolder();

        var full = ShellScript.Run("mknod full c 1 7 && $X tokenize \"$SAMPLES\"/*.txt > full", folder.Path);
        var pipe = ShellScript.Run("$X tokenize \"$SAMPLES\"/*.txt | head -1 > /dev/null; echo ${PIPESTATUS[0]}", folder.Path);

        Assert.Equal(3, full.ExitCode);
        Assert.Contains("error: standard output: No space left on device", full.Stderr);
        Assert.Equal("0", pipe.Stdout.Trim());
    }

    private static List<Dictionary<string, string>> Expected(bool entity) =>
        CliRunner.ParseCsv(CliRunner.Run("extract", CliRunner.Samples, "-q", "-l", entity ? "entity" : "mention").Stdout);
}
