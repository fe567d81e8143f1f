using Extractor.IO.Output;
using Extractor.Tests.Cli;
using Extractor.Tests.Reliability;

namespace Extractor.Tests.IO.Output;

/// <summary><c>-o</c> targets that are not a plain new file: checked before the run, written without replacing what they are.</summary>
/// <remarks>Device nodes and FIFOs are made inside a temporary folder; the machine's own devices are never a target.</remarks>
public class OutputTargetTests
{
    private const string Article = "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.";

    [Fact]
    public void DeviceNode_WrittenInPlace_StaysADevice()
    {
        if (!ShellScript.IsRoot) return;
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);

        var (code, stdout, _) = ShellScript.Run($"mknod null c 1 3 && $X extract '{input}' -q -o null && stat -c %F null", folder.Path);

        Assert.Equal(0, code);
        Assert.Equal("character special file", stdout.Trim());
    }

    [Fact]
    public void NamedPipe_WrittenInPlace_ReaderGetsTheRecords()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);

        var (code, stdout, _) = ShellScript.Run($"mkfifo fifo && {{ cat fifo > got.csv & }} && $X extract '{input}' -q -o fifo; echo $?; wait; cat got.csv", folder.Path);

        Assert.Equal(0, code);
        Assert.StartsWith("0\ndocument,type,name", stdout);
        Assert.Contains("Angela Merkel", stdout);
    }

    [Fact]
    public void SymbolicLink_WrittenThrough_LinkKept()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);
        var real = folder.Write("real.csv", "old\n");
        var link = Path.Join(folder.Path, "link.csv");
        File.CreateSymbolicLink(link, "real.csv");

        var r = CliRunner.Run("extract", input, "-q", "-o", link);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("real.csv", new FileInfo(link).LinkTarget);
        Assert.Contains("Angela Merkel", File.ReadAllText(real));
    }

    [Theory]
    [InlineData("folder", "cannot write output: is a folder; give a file name")]
    [InlineData("in.txt", "cannot write output: is also an input")]
    [InlineData("missing/out.csv", "cannot write output: no such folder")]
    public void UnusableTarget_ExitTwoBeforeTheRun_NothingChanged(string target, string message)
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);
        Directory.CreateDirectory(Path.Join(folder.Path, "folder"));
        var path = Path.Join(folder.Path, target);

        var r = CliRunner.Run("extract", input, "-o", path);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"error: {path}: {message}", r.Stderr);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Article, File.ReadAllText(input));
        Assert.Equal(["in.txt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void InputThroughALink_IsStillTheSameFile()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);
        File.CreateSymbolicLink(Path.Join(folder.Path, "alias.txt"), "in.txt");

        var r = CliRunner.Run("extract", Path.Join(folder.Path, "alias.txt"), "-o", input);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(Article, File.ReadAllText(input));
    }

    [Fact]
    public void ReadOnlyFile_ReplacedKeepsItsMode()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);
        var output = folder.Write("out.csv", "old\n");
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var r = CliRunner.Run("extract", input, "-q", "-o", output);

        if (ShellScript.IsRoot)
        {
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("Angela Merkel", File.ReadAllText(output));
        }
        else
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("permission denied", r.Stderr);
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(output));
    }

    [Fact]
    public void ReadOnlyFile_NotRoot_RefusedBeforeTheRun()
    {
        if (OperatingSystem.IsWindows() || !ExtractorProcess.CanRunAsNobody || !ShellScript.IsRoot) return;
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);
        var output = folder.Write("out.csv", "old\n");
        File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(input, (UnixFileMode)0b100_100_100);
        File.SetUnixFileMode(output, (UnixFileMode)0b100_100_100);

        var (code, _, stderr) = ExtractorProcess.Run(["extract", input, "-o", output], asNobody: true);

        Assert.Equal(2, code);
        Assert.Contains("out.csv: cannot write output: permission denied", stderr);
        Assert.Equal("old\n", File.ReadAllText(output));
    }

    [Fact]
    public void Dash_MeansStandardOutput()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);

        var r = CliRunner.Run("extract", input, "-q", "-o", "-");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Angela Merkel", r.Stdout);
        Assert.False(File.Exists("-"));
    }

    [Fact]
    public void LongName_TemporaryFileFitsTheNameLimit()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.txt", Article);
        var output = Path.Join(folder.Path, new string('a', 246) + ".csv");

        var r = CliRunner.Run("extract", input, "-q", "-o", output);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Angela Merkel", File.ReadAllText(output));
        Assert.InRange(AtomicFileOutput.TempName(new string('é', 200)).Length, 1, 255);
    }

    [Fact]
    public void DiskFull_ExitThree_EarlierFileKept_NoTemporaryFile()
    {
        if (!ShellScript.CanMountSmallFileSystems) return;
        using var folder = new TempFolder();
        for (int i = 0; i < 40; i++) folder.Write($"in/a{i:D2}.txt", string.Concat(Enumerable.Repeat(Article + "\n", 20)));

        var (code, _, stderr) = ShellScript.Run(
            "mkdir small && unshare -m sh -c 'mount -t tmpfs -o size=32k tmpfs small && echo old > small/out.csv && $X extract in -l mention -o small/out.csv; echo $? > code; ls -A small > left; cat small/out.csv > kept'",
            folder.Path);

        Assert.Equal(0, code);
        Assert.Equal("3", File.ReadAllText(Path.Join(folder.Path, "code")).Trim());
        Assert.Equal("out.csv\n", File.ReadAllText(Path.Join(folder.Path, "left")));
        Assert.Equal("old\n", File.ReadAllText(Path.Join(folder.Path, "kept")));
        Assert.Contains("small/out.csv: cannot write output (No space left on device); small/out.csv was left as it was", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
